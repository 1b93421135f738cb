use m3ter_models::Validate;

#[derive(Validate)]
struct Request {
    #[spec(min_length = 10, max_length = 5)]
    name: String,
    #[spec(minimum = 2, maximum = 1)]
    count: u32,
}

fn main() {}
