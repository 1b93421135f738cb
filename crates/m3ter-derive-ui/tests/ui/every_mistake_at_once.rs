use m3ter_models::Validate;

#[derive(Validate)]
struct Request {
    #[spec(min_length = 1, min_length = 2)]
    name: String,
    #[spec(colour = "red", max_items = 1)]
    code: String,
}

fn main() {
    // The fallback impl keeps uses of the trait from adding errors of their own.
    let request = Request { name: String::new(), code: String::new() };
    let _ = request.validate();
}
