use m3ter_models::Validate;

#[derive(Validate)]
struct Request {
    // The fragment's own `code` pattern is matched by hand: fine without the `regex` feature.
    #[spec(pattern = r"^[^\x00-\x20\x7F](?:[^\x00-\x1F\x7F]*[^\x00-\x20\x7F])?$")]
    code: String,
    // Any other pattern needs the engine.
    #[spec(pattern = "^[a-z]+$")]
    name: String,
}

fn main() {}
