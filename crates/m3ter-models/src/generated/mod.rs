//! placeholder until codegen
