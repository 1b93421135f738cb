//! The NDJSON bench's lines, written once: the criterion bench (`benches/ndjson.rs`) generates
//! them in memory, the `ndjson_input` binary writes them to a file for timing the CLI
//! (`scripts/scaling.sh`, BENCHMARKS.md).
//!
//! Three lines in four are invalid: every odd line is a GCS request that carries the S3
//! variant's members (four errors since requests became unions), and lines 3 and 7 of each
//! eight (1-based) have one to three faults.

/// Line `i` (from 0), without its newline.
pub(crate) fn line(i: usize) -> String {
    match i % 8 {
        2 => format!(
            r#"{{"name":"","code":"finance_exports_{i}","bucketName":"acme-billing-{i}","iamRoleArn":"arn:aws:iam::922609978421:role/IAMRole{i}","destinationType":"S3","prefix":"m3ter/exports/","partitionOrder":"TYPE_FIRST"}}"#
        ),
        6 => format!(
            r#"{{"name":"Finance exports {i}","code":"{}","bucketName":"acme-billing-exports","iamRoleArn":"arn:aws:iam::role/IAMRole636","version":{i},"partitionOrder":"TIME_FIRST"}}"#,
            "c".repeat(81)
        ),
        _ => format!(
            r#"{{"name":"Finance exports {i}","code":"finance_exports_{i}","bucketName":"acme-billing-{i}","iamRoleArn":"arn:aws:iam::922609978421:role/IAMRole{i}","destinationType":"{}","prefix":"m3ter/exports/{i}/","partitionOrder":"TYPE_FIRST"}}"#,
            if i.is_multiple_of(2) { "S3" } else { "GCS" }
        ),
    }
}

/// The first `lines` lines, each followed by a newline.
#[allow(dead_code)] // The binary writes line by line.
pub(crate) fn generate(lines: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(lines * 230);
    for i in 0..lines {
        out.extend_from_slice(line(i).as_bytes());
        out.push(b'\n');
    }
    out
}
