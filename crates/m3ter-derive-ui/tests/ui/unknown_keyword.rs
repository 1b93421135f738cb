use m3ter_models::Validate;

#[derive(Validate)]
struct Request {
    #[spec(max_lenght = 3)]
    name: String,
}

fn main() {}
