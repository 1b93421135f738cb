//! `const`, `enum`, `unique_items`, `min_properties` on a type the runtime cannot compare or
//! count as its JSON: a compile error on the keyword.
use m3ter_models::Validate;

#[derive(Debug)]
struct Opaque;

#[derive(Validate)]
struct Values {
    #[spec(const = "1")]
    one: Opaque,
    #[spec(enum = "[1, 2]")]
    some: Opaque,
    #[spec(unique_items)]
    list: Vec<Opaque>,
    #[spec(min_properties = 1)]
    object: Opaque,
}

fn main() {}
