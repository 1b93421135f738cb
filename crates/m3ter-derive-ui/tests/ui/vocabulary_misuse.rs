//! Each mistake a user could make with the vocabulary, in one compile: every one is an error on
//! the tokens that made it, saying what to write instead.
use m3ter_models::Validate;

#[derive(Validate)]
struct Mistakes {
    // Not a format of the registry: the known ones are listed.
    #[spec(format = "e.mail")]
    email: String,
    #[spec(format = "lookup")]
    lookup: String,
    // A backreference: no linear-time equivalent.
    #[spec(pattern = "^(a)\\1$")]
    backreference: String,
    // ECMA-262 has no inline flags.
    #[spec(pattern = "(?i)^a+$")]
    flagged: String,
    // A count cannot be negative.
    #[spec(max_length = -1)]
    negative: String,
    // A count beyond 64 bits.
    #[spec(max_length = 99999999999999999999)]
    huge: String,
    // Beyond what a u8 can hold.
    #[spec(maximum = 300)]
    small: u8,
    // No integer lies between them.
    #[spec(exclusive_minimum = 1, exclusive_maximum = 2)]
    empty: i64,
    // No number at all.
    #[spec(minimum = 5, maximum = 4)]
    crossed: f64,
    // Says how a member appears: not inside items.
    #[spec(items(required))]
    tags: Vec<String>,
    // Words for a pattern that is not there.
    #[spec(pattern_rule = "must be digits")]
    lonely: String,
    // A flag takes no value.
    #[spec(nested = true)]
    child: Option<String>,
    // A default is JSON text: a string needs its quotes.
    #[spec(default = "TIME_FIRST")]
    order: Option<String>,
    // A default is for a member that may be absent.
    #[spec(default = "3")]
    count: u8,
    // JSON Schema requires `multipleOf` greater than 0.
    #[spec(multiple_of = 0)]
    zero_step: f64,
    #[spec(multiple_of = -0.5)]
    negative_step: f64,
    // `enum` is a JSON array, of at least one value.
    #[spec(enum = "1")]
    not_a_list: i64,
    #[spec(enum = "[]")]
    no_value: i64,
    // `const` is JSON text.
    #[spec(const = "{oops")]
    not_json: String,
    // `unique_items` is about lists, `min_properties` about maps.
    #[spec(unique_items)]
    text: String,
    #[spec(min_properties = 1)]
    word: String,
    // No map has at least 3 and at most 2 members.
    #[spec(min_properties = 3, max_properties = 2)]
    crossed_map: std::collections::HashMap<String, i64>,
    // Not a JSON type; a type twice; no type between the bars; not a string.
    #[spec(type = "string | text")]
    unknown_type: serde_json::Value,
    #[spec(type = "string | string")]
    twice: serde_json::Value,
    #[spec(type = "string |")]
    dangling: serde_json::Value,
    #[spec(type = 3)]
    number_type: serde_json::Value,
    // A field of one Rust type has its JSON type from it.
    #[spec(type = "integer")]
    typed: i64,
    // A keyword that applies to none of the types `type` allows, on the field and its items.
    #[spec(type = "integer | null", min_length = 1)]
    no_strings: serde_json::Value,
    #[spec(items(type = "boolean", pattern = "^a$"))]
    flags: Vec<serde_json::Value>,
    // Any JSON value has no constraints of its own to validate.
    #[spec(nested)]
    anything: serde_json::Value,
}

fn main() {}
