//! The RON data format: the serde types one dataset file deserialises into.
//!
//! A file holds a `Dataset(...)` with any of the five lists; a folder of files is merged on load.
//! Optional fields may be written bare (`founded: 1949`, not `Some(1949)`): the loader enables
//! RON's `implicit_some`. Anything unknown is left out rather than written as `0` or `""`.
//!
//! Strings are [`Text`]s borrowed from the file, and the short lists of a record are boxed
//! slices of exactly their length (a vector read item by item would keep room for four).
//! Models and releases, which a large dataset has by the million, are packed into bytes as
//! they are read and unpacked when asked for: see [`Records`].

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::date::PartialDate;

mod packing;
mod records;
mod text;

pub use packing::{ModelHead, Packed, ReleaseHead};
pub use records::{Packing, Records, RecordsImage, parsed_bytes, reading_file, reading_part};
pub use text::Text;

/// One `.ron` file: every list is optional and defaults to empty.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Dataset {
    pub brands: Vec<Brand>,
    pub collaborators: Vec<Collaborator>,
    pub eras: Vec<Era>,
    pub publishers: Vec<Publisher>,
    /// Packed as they are read: see [`Records`].
    pub models: Records<Model>,
    pub releases: Records<Release>,
}

/// A maker of shoes: ASICS, New Balance, Nike.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Brand {
    pub id: Text,
    pub name: Text,
    #[serde(default, deserialize_with = "exact")]
    pub aliases: Box<[Text]>,
    #[serde(default)]
    pub country: Option<Text>,
    #[serde(default)]
    pub founded: Option<i32>,
    /// Pages that state its country and founding year.
    #[serde(default, deserialize_with = "exact")]
    pub sources: Box<[Source]>,
}

/// Who a brand works with on a release: a label, a designer, a shop, an artist.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Collaborator {
    pub id: Text,
    pub name: Text,
    #[serde(default, deserialize_with = "exact")]
    pub aliases: Box<[Text]>,
    pub kind: CollaboratorKind,
    #[serde(default)]
    pub country: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum CollaboratorKind {
    Label,
    Designer,
    Retailer,
    Artist,
    Athlete,
    Musician,
    Brand,
    Other,
}

impl CollaboratorKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Label => "label",
            Self::Designer => "designer",
            Self::Retailer => "retailer",
            Self::Artist => "artist",
            Self::Athlete => "athlete",
            Self::Musician => "musician",
            Self::Brand => "brand",
            Self::Other => "other",
        }
    }
}

/// Who puts out the pages found at a host: the outlet named beside a source, and the kind of
/// publisher that `kicktime stats` counts. A host covers its subdomains; `www.` is left out.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Publisher {
    pub host: Text,
    pub name: Text,
    pub kind: PublisherKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum PublisherKind {
    /// A shoe brand's own site: its archive, newsroom or product pages.
    Brand,
    /// A magazine, newspaper or review site with editors.
    Editorial,
    /// A shop's product, launch or history pages.
    Retailer,
    /// A museum or archive.
    Museum,
    /// An encyclopedia or database anyone may edit.
    Reference,
    /// A personal blog or a fan site.
    Blog,
}

impl PublisherKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Brand => "brand",
            Self::Editorial => "editorial",
            Self::Retailer => "retailer",
            Self::Museum => "museum",
            Self::Reference => "reference",
            Self::Blog => "blog",
        }
    }

    /// Whether a page of this publisher can carry an entry alone: a brand, an editorial
    /// outlet, a retailer or a museum answers for what it prints.
    pub fn is_accountable(self) -> bool {
        matches!(
            self,
            Self::Brand | Self::Editorial | Self::Retailer | Self::Museum
        )
    }
}

/// A named period of the timeline. `end` is inclusive; an era without `end` runs to today.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Era {
    pub id: Text,
    pub name: Text,
    pub start: i32,
    #[serde(default)]
    pub end: Option<i32>,
    pub description: Text,
    /// Pages that date the movement this era stands for.
    #[serde(default, deserialize_with = "exact")]
    pub sources: Box<[Source]>,
}

/// A silhouette or one generation of a line: the Gel-Kayano 14, the 990v3.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Model {
    pub id: Text,
    pub brand: Text,
    #[serde(default)]
    pub line: Option<Text>,
    pub name: Text,
    /// Its number in its line (14 for the Gel-Kayano 14; 1 for a line's first model even when
    /// it was not numbered), where the brand numbers the line.
    #[serde(default)]
    pub generation: Option<u16>,
    #[serde(default, deserialize_with = "exact")]
    pub aliases: Box<[Text]>,
    /// When it came out; `None` for a generation known to exist that no source dates. Such a
    /// model is not on the timeline, but `show`, the detail pane and the lineage list it.
    #[serde(default)]
    pub introduced: Option<PartialDate>,
    #[serde(default, deserialize_with = "exact")]
    pub designers: Box<[Text]>,
    #[serde(default, deserialize_with = "exact")]
    pub technologies: Box<[Text]>,
    pub category: Category,
    pub summary: Text,
    /// The model this one replaced in its line (the Gel-Kayano 13 for the 14).
    #[serde(default)]
    pub successor_of: Option<Text>,
    /// Models this one borrows from outside a plain succession (the 2002R from the 860v2).
    #[serde(default, deserialize_with = "exact")]
    pub derived_from: Box<[Text]>,
    #[serde(default, deserialize_with = "exact")]
    pub sources: Box<[Source]>,
    #[serde(default, deserialize_with = "exact")]
    pub disputes: Box<[Dispute]>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum Category {
    Running,
    Racing,
    Trail,
    Hiking,
    Training,
    Court,
    Basketball,
    Lifestyle,
}

impl Category {
    pub fn label(self) -> &'static str {
        match self {
            Self::Running => "running",
            Self::Racing => "racing",
            Self::Trail => "trail",
            Self::Hiking => "hiking",
            Self::Training => "training",
            Self::Court => "court",
            Self::Basketball => "basketball",
            Self::Lifestyle => "lifestyle",
        }
    }
}

/// A later release of a model: a reissue when it has no collaborators, a collab when it has.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Release {
    pub id: Text,
    pub model: Text,
    pub name: Text,
    #[serde(default)]
    pub colourway: Option<Text>,
    pub date: PartialDate,
    #[serde(default, deserialize_with = "exact")]
    pub collaborators: Box<[Credit]>,
    pub summary: Text,
    /// Set when the release really came out before the model's recorded introduction
    /// (a sample, an Asia-only launch); without it such a date is a validation error.
    #[serde(default)]
    pub predates_model: bool,
    #[serde(default, deserialize_with = "exact")]
    pub sources: Box<[Source]>,
    #[serde(default, deserialize_with = "exact")]
    pub disputes: Box<[Dispute]>,
}

/// A collaborator named on a release, with what they did when a source says so.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Credit {
    pub collaborator: Text,
    #[serde(default)]
    pub role: Option<Text>,
}

/// A public page that states the fact.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Source {
    pub title: Text,
    pub url: Text,
}

/// A fact the sources disagree on, with what each says.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Dispute {
    /// What is disputed: "introduction year", "designer".
    pub about: Text,
    #[serde(deserialize_with = "exact")]
    pub claims: Box<[Claim]>,
}

/// What one source says; `source` is the title of one of the entry's sources.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Claim {
    pub source: Text,
    pub says: Text,
}

/// Reads a short list into a boxed slice of exactly its length. A vector read item by item keeps
/// room for four, and trimming it afterwards leaves the rest as a small hole in the heap; with
/// one or two sources or credits per record, over a large dataset those holes add up to tens of
/// megabytes. Room here grows by doubling from one, so short lists never need trimming.
fn exact<'de, D, T>(deserializer: D) -> Result<Box<[T]>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Exact<T>(PhantomData<T>);

    impl<'de, T: Deserialize<'de>> Visitor<'de> for Exact<T> {
        type Value = Box<[T]>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Box<[T]>, A::Error> {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element()? {
                if items.len() == items.capacity() {
                    items.reserve_exact(items.len().max(1));
                }
                items.push(item);
            }
            Ok(items.into_boxed_slice())
        }
    }

    deserializer.deserialize_seq(Exact(PhantomData))
}
