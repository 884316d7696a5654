//! The real rsupport-server for tests (owned by the server work).
