//! Rust identifiers from wire names: always valid, never colliding silently.

/// Rust's strict and reserved keywords (2024 edition), which need `r#` as field names.
const KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for",
    "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return",
    "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where",
    "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
];

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super", "_"];

/// Splits a wire name into lower-case ASCII words at `_`, `-`, any other non-alphanumeric
/// character, and lower→upper case changes (`bucketName` → `bucket`, `name`).
fn words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = name.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_ascii_alphanumeric() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            continue;
        }
        let boundary = c.is_ascii_uppercase()
            && i > 0
            && (chars[i - 1].is_ascii_lowercase()
                || chars[i - 1].is_ascii_digit()
                || (chars[i - 1].is_ascii_uppercase()
                    && chars.get(i + 1).is_some_and(char::is_ascii_lowercase)));
        if boundary && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        current.push(c.to_ascii_lowercase());
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// A snake_case field name for a wire name. Keywords come back as is (emit them raw, see
/// [`is_keyword`]), except those that cannot be raw, which get a trailing `_`.
pub fn field_name(wire: &str) -> String {
    let mut name = words(wire).join("_");
    if name.is_empty() {
        name = "field".to_owned();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, '_');
    }
    if NOT_RAW.contains(&name.as_str()) {
        name.push('_');
    }
    name
}

/// A PascalCase type or variant name for a wire name.
pub fn type_name(wire: &str) -> String {
    let mut name: String = words(wire)
        .iter()
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect();
    if name.is_empty() {
        name = "Empty".to_owned();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, 'V');
    }
    if NOT_RAW.contains(&name.as_str()) {
        name.push('_');
    }
    name
}

/// Whether `name` is a keyword that must be written `r#name`.
pub fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name) && !NOT_RAW.contains(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names() {
        assert_eq!(field_name("bucketName"), "bucket_name");
        assert_eq!(field_name("dtLastModified"), "dt_last_modified");
        assert_eq!(field_name("iamRoleArn"), "iam_role_arn");
        assert_eq!(field_name("a-b"), "a_b");
        assert_eq!(field_name("2fa"), "_2fa");
        assert_eq!(field_name("type"), "type");
        assert!(is_keyword("type"));
        assert_eq!(field_name("self"), "self_");
        assert_eq!(field_name(""), "field");
        assert_eq!(field_name("é"), "field");
        assert_eq!(field_name("HTTPStatus"), "http_status");
    }

    #[test]
    fn type_names() {
        assert_eq!(type_name("TYPE_FIRST"), "TypeFirst");
        assert_eq!(type_name("S3"), "S3");
        assert_eq!(type_name("GCS"), "Gcs");
        assert_eq!(type_name("s3"), "S3");
        assert_eq!(type_name("S-3"), "S3");
        assert_eq!(type_name("Self"), "Self_");
        assert_eq!(type_name(""), "Empty");
        assert_eq!(type_name("1st"), "V1st");
    }
}
