//! `boon`, an independent implementation of JSON Schema 2020-12 (it passes the official
//! suite), as the tests' oracle: a schema compiled once, then asked about documents. Shared by
//! the workspace suite (`oracle.rs`, `vocabulary.rs`) and the compliance binary
//! (`compliance/differential.rs`).

use serde_json::Value;

/// A schema compiled by boon: its compiled schemas and the root's index.
pub struct Compiled {
    schemas: boon::Schemas,
    root: boon::SchemaIndex,
}

impl Compiled {
    /// Compiles `schema` (a 2020-12 schema: `format` an annotation, as JSON Schema has it).
    ///
    /// # Panics
    /// If boon refuses the schema: the oracle is only given schemas it reads.
    pub fn new(schema: Value) -> Self {
        Self::compile(schema, false)
    }

    /// Compiles `schema` with boon's format assertions on (`format` checked, as this crate
    /// checks it): the compliance property's reading of its deliberate difference.
    ///
    /// # Panics
    /// If boon refuses the schema.
    pub fn asserting_formats(schema: Value) -> Self {
        Self::compile(schema, true)
    }

    #[allow(clippy::panic)] // A schema the oracle cannot read fails the test that gave it.
    fn compile(schema: Value, formats: bool) -> Self {
        const URL: &str = "urn:m3ter:oracle";
        let mut compiler = boon::Compiler::new();
        if formats {
            compiler.enable_format_assertions();
        }
        let mut schemas = boon::Schemas::new();
        if let Err(e) = compiler.add_resource(URL, schema) {
            panic!("{e:#}");
        }
        let root = compiler
            .compile(URL, &mut schemas)
            .unwrap_or_else(|e| panic!("{e:#}"));
        Self { schemas, root }
    }

    /// Whether boon accepts `document`.
    pub fn is_valid(&self, document: &Value) -> bool {
        self.validate(document).is_ok()
    }

    /// boon's verdict on `document`, with its tree of errors when it refuses it.
    ///
    /// # Errors
    /// boon's errors, when `document` does not satisfy the schema.
    #[allow(clippy::result_large_err)] // boon's own type, as `Schemas::validate` returns it.
    pub fn validate<'s, 'v>(
        &'s self,
        document: &'v Value,
    ) -> Result<(), boon::ValidationError<'s, 'v>> {
        self.schemas.validate(document, self.root)
    }
}
