//! [`Text`]: a string read from a data file, borrowed from the file's text when it can be.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

use serde::de::{Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// A string of the dataset. Data files are read once and kept for the life of the program, so
/// a string without escapes is a slice of its file's text rather than a copy: a large dataset
/// then costs little more memory than its files. A string with escapes, or one that had to be
/// made safe for a terminal, is made once and kept likewise.
///
/// It can only be read from text that lives as long as the program (`&'static str`): see
/// [`crate::load::SourceFile`].
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(&'static str);

impl Text {
    /// A string that lives as long as the program, such as a slice of a kept file.
    pub fn borrowed(text: &'static str) -> Text {
        Text(text)
    }

    pub fn as_str(&self) -> &'static str {
        self.0
    }

    /// This string with control characters shown as symbols (see [`crate::text::sanitize`]);
    /// the same string, not a copy, when it has none.
    pub fn terminal_safe(self) -> Text {
        match crate::text::sanitize(self.0) {
            std::borrow::Cow::Borrowed(_) => self,
            std::borrow::Cow::Owned(safe) => Text::from(safe),
        }
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.0
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.0
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.0, f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.0, f)
    }
}

impl From<String> for Text {
    /// Keeps `text` for the rest of the program, like the files' own text.
    fn from(text: String) -> Text {
        Text(crate::load::keep(text))
    }
}

impl From<Text> for String {
    fn from(text: Text) -> String {
        text.0.to_string()
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text::from(text.to_string())
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

impl Deserialize<'static> for Text {
    fn deserialize<D: Deserializer<'static>>(deserializer: D) -> Result<Text, D::Error> {
        struct Borrowing;

        impl Visitor<'static> for Borrowing {
            type Value = Text;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_borrowed_str<E>(self, text: &'static str) -> Result<Text, E> {
                Ok(Text(text))
            }

            fn visit_str<E>(self, text: &str) -> Result<Text, E> {
                Ok(Text::from(text))
            }

            fn visit_string<E>(self, text: String) -> Result<Text, E> {
                Ok(Text::from(text))
            }
        }

        deserializer.deserialize_str(Borrowing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_without_escapes_are_borrowed_from_the_file() {
        let file: &'static str = r#"["plain", "with \"quotes\""]"#;
        let texts: Vec<Text> = ron::from_str(file).unwrap();
        assert!(file.as_bytes().as_ptr_range().contains(&texts[0].as_ptr()));
        assert_eq!(texts[1], "with \"quotes\"");
        assert!(!file.as_bytes().as_ptr_range().contains(&texts[1].as_ptr()));
    }
}
