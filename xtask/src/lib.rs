//! Maintainer tasks for the m3ter-models workspace. `cargo xtask codegen` turns the OpenAPI
//! fragment into the core crate's models; the generator is a library too, so tests and build
//! scripts can run it in-process on fixture fragments.

#![forbid(unsafe_code)]

pub mod codegen;
