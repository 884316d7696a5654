//! An isolated environment for the real rsupport binary (owned by the client work).
