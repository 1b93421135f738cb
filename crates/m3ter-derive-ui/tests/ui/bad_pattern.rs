use m3ter_models::Validate;

#[derive(Validate)]
struct Request {
    #[spec(pattern = "^[a-z+$")]
    name: String,
}

fn main() {}
