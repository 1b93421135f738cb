use m3ter_models::Validate;

#[derive(Validate)]
struct Request {
    #[spec(forbidden = "create")]
    version: i64,
}

fn main() {}
