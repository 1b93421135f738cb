use m3ter_models::Validate;

#[derive(Validate)]
struct Request {
    #[spec(format = "idn-email")]
    contact: String,
}

fn main() {}
