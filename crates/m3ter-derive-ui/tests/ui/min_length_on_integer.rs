use m3ter_models::Validate;

#[derive(Validate)]
struct Request {
    #[spec(min_length = 1)]
    version: i64,
    #[spec(maximum = 3)]
    name: Option<String>,
}

fn main() {}
