//! [`wire_enum!`]: an enum whose wire string is written once per variant. From that one string
//! it derives `as_str`, `ALL`, `Display`, `FromStr` (forgiving: any case, `_` for `-`, and a
//! message that lists the valid values), serde (exact, as on the wire), and — behind the
//! `openapi` feature — the OpenAPI schema (a string enum with the type's doc comment).

/// Declares a wire enum (the unit test `the_documented_example_holds` runs this example):
///
/// ```ignore
/// rsupport_api::wire_enum! {
///     /// Which way is up.
///     pub enum Direction("direction") {
///         Up = "up",
///         Down = "down",
///     }
/// }
/// assert_eq!(Direction::Up.as_str(), "up");
/// assert_eq!("DOWN".parse::<Direction>(), Ok(Direction::Down));
/// assert_eq!(
///     "sideways".parse::<Direction>().unwrap_err(),
///     "invalid direction 'sideways': expected one of up, down"
/// );
/// ```
///
/// The string in parentheses names the value in error messages; `other = Variant` names what an
/// unknown wire string deserializes to (a newer server's value). Traits after `:` are derived
/// besides `Debug, Clone, Copy, PartialEq, Eq, Hash`.
#[macro_export]
macro_rules! wire_enum {
    (
        $(#[doc = $doc:literal])*
        $vis:vis enum $name:ident($noun:literal $(, other = $other:ident)?) $(: $($derive:ident),+)? {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $wire:literal,
            )+
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash $($(, $derive)+)?)]
        $vis enum $name {
            $(
                $(#[$vmeta])*
                $variant,
            )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The wire form.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $wire,)+
                }
            }

            /// The value whose wire form is exactly `s` (what a server accepts; people's
            /// spellings go through `FromStr`).
            pub fn from_wire(s: &str) -> ::core::option::Option<$name> {
                $name::ALL.iter().copied().find(|v| v.as_str() == s)
            }

            /// What an unknown wire string deserializes to, if anything.
            fn other() -> ::core::option::Option<$name> {
                None $(.or(Some($name::$other)))?
            }

            /// Every wire form a person may give, joined with `, ` (for messages).
            pub fn expected() -> ::std::string::String {
                $name::ALL
                    .iter()
                    .filter(|v| ::core::option::Option::Some(**v) != $name::other())
                    .map(|v| v.as_str())
                    .collect::<::std::vec::Vec<_>>()
                    .join(", ")
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::core::str::FromStr for $name {
            type Err = ::std::string::String;

            /// Forgiving parse for people: any case, `_` for `-`, surrounding blanks ignored.
            fn from_str(s: &str) -> ::core::result::Result<Self, Self::Err> {
                let wanted = s.trim().replace('_', "-");
                $name::ALL
                    .iter()
                    .copied()
                    .filter(|v| ::core::option::Option::Some(*v) != $name::other())
                    .find(|v| v.as_str().eq_ignore_ascii_case(&wanted))
                    .ok_or_else(|| {
                        format!("invalid {} '{s}': expected one of {}", $noun, $name::expected())
                    })
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                struct Visitor;
                impl $crate::__private::serde::de::Visitor<'_> for Visitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        write!(f, "a {}", $noun)
                    }
                    fn visit_str<E: $crate::__private::serde::de::Error>(self, value: &str) -> ::core::result::Result<$name, E> {
                        const NAMES: &[&str] = &[$($wire),+];
                        $name::ALL
                            .iter()
                            .copied()
                            .find(|v| v.as_str() == value)
                            .or_else($name::other)
                            .ok_or_else(|| E::unknown_variant(value, NAMES))
                    }
                }
                deserializer.deserialize_str(Visitor)
            }
        }

        $crate::__wire_enum_schema!($name [$($doc),*] [$($wire),+]);
    };
}

/// The OpenAPI schema of a wire enum, with the `openapi` feature of this crate (whichever
/// crate expands [`wire_enum!`]).
#[cfg(feature = "openapi")]
#[doc(hidden)]
#[macro_export]
macro_rules! __wire_enum_schema {
    ($name:ident [$($doc:literal),*] [$($wire:literal),+]) => {
        impl $crate::__private::utoipa::PartialSchema for $name {
            fn schema() -> $crate::__private::utoipa::openapi::RefOr<
                $crate::__private::utoipa::openapi::schema::Schema,
            > {
                use $crate::__private::utoipa::openapi::{ObjectBuilder, Type};
                let doc: &[&str] = &[$($doc),*];
                let description = doc.iter().map(|l| l.trim()).collect::<::std::vec::Vec<_>>().join("\n");
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .description((!description.is_empty()).then_some(description))
                    .enum_values(::core::option::Option::Some([$($wire),+]))
                    .into()
            }
        }

        impl $crate::__private::utoipa::ToSchema for $name {}
    };
}

/// Without the `openapi` feature a wire enum has no schema.
#[cfg(not(feature = "openapi"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __wire_enum_schema {
    ($($any:tt)*) => {};
}

#[cfg(test)]
mod tests {
    crate::wire_enum! {
        /// Which way is up.
        pub enum Direction("direction", other = Unknown): PartialOrd {
            Up = "up",
            Down = "down-under",
            /// Anything else a newer peer sends.
            Unknown = "UNKNOWN",
        }
    }

    #[test]
    fn the_documented_example_holds() {
        assert_eq!(Direction::Up.as_str(), "up");
        assert_eq!("UP".parse::<Direction>(), Ok(Direction::Up));
        assert_eq!(" down_under ".parse::<Direction>(), Ok(Direction::Down));
        assert_eq!(
            "sideways".parse::<Direction>().unwrap_err(),
            "invalid direction 'sideways': expected one of up, down-under"
        );
        assert!(Direction::Up < Direction::Down);
        // the wire is exact
        assert_eq!(Direction::from_wire("up"), Some(Direction::Up));
        assert_eq!(Direction::from_wire("UP"), None);
    }

    #[test]
    fn serde_is_exact_and_falls_back_to_the_other_variant() {
        assert_eq!(
            serde_json::to_string(&Direction::Down).unwrap(),
            "\"down-under\""
        );
        let down: Direction = serde_json::from_str("\"down-under\"").unwrap();
        assert_eq!(down, Direction::Down);
        let newer: Direction = serde_json::from_str("\"left\"").unwrap();
        assert_eq!(newer, Direction::Unknown);
        // people's forgiving spellings are for FromStr, not for the wire
        let upper: Direction = serde_json::from_str("\"UP\"").unwrap();
        assert_eq!(upper, Direction::Unknown);
    }

    crate::wire_enum! {
        /// Without a fallback.
        enum Strict("strict value") {
            One = "one",
        }
    }

    #[test]
    fn an_unknown_wire_string_is_an_error_naming_the_values() {
        let err = serde_json::from_str::<Strict>("\"two\"").unwrap_err();
        assert!(
            err.to_string()
                .contains("unknown variant `two`, expected `one`"),
            "{err}"
        );
        assert_eq!(Strict::ALL, &[Strict::One]);
        assert_eq!(Strict::from_wire("one"), Some(Strict::One));
    }
}
