use m3ter_models::Validate;

struct NotValidated;

#[derive(Validate)]
struct Request {
    // The type does not implement `Validate`: reported on `nested`, not on the derive.
    #[spec(nested)]
    other: NotValidated,
}

fn main() {}
