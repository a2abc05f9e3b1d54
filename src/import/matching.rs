//! Recognising what a product's name is about: its brand (case- and accent-insensitively), the
//! existing model its name contains, and the known collaborators it names. A name "contains" a
//! model or collaborator when their words appear in it together and whole: "Gel-Kayano 1" is
//! not in "Gel-Kayano 14".

use rustc_hash::FxHashMap;

use crate::store::Store;
use crate::text::fold_key;

/// A name's words: accents folded, lower case, split at anything but letters and digits.
pub fn words(text: &str) -> Vec<String> {
    crate::text::fold(text)
        .text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A name's words as written, split at spaces only, so that punctuation inside a word counts
/// ("Off-White" the label is not "Off White" the colour); accents folded, lower case.
pub fn spaced_words(text: &str) -> Vec<String> {
    crate::text::fold(text)
        .text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `part` appears in `whole` as consecutive whole words.
fn contains(whole: &[String], part: &[String]) -> bool {
    !part.is_empty() && whole.windows(part.len()).any(|w| w == part)
}

/// A name worth looking for: its words, and its length in characters for specificity.
#[derive(Debug, Clone)]
struct Name {
    words: Vec<String>,
    length: usize,
}

impl Name {
    /// `None` for a name too short to be told apart from ordinary words ("1", "XT").
    fn of(text: &str) -> Option<Name> {
        let words = words(text);
        let length: usize = words.iter().map(|w| w.chars().count()).sum();
        (length >= 3).then_some(Name { words, length })
    }

    /// [`Name::of`] by [`spaced_words`].
    fn spaced(text: &str) -> Option<Name> {
        let words = spaced_words(text);
        let length: usize = words.iter().map(|w| w.chars().count()).sum();
        (length >= 3).then_some(Name { words, length })
    }
}

/// The dataset's brands, models and collaborators, ready to be looked for in product names.
pub struct Matcher<'a> {
    store: &'a Store,
    /// Brand index by the key of its id, name and aliases.
    brands: FxHashMap<String, usize>,
    /// For each brand, its models' names and aliases: (model, name).
    models: Vec<Vec<(usize, Name)>>,
    /// Collaborators' names and aliases: (collaborator, name).
    collaborators: Vec<(usize, Name)>,
}

impl<'a> Matcher<'a> {
    pub fn new(store: &'a Store) -> Matcher<'a> {
        let mut brands = FxHashMap::default();
        for (i, b) in store.brands.iter().enumerate() {
            for name in [b.id.as_str(), b.name.as_str()]
                .into_iter()
                .chain(b.aliases.iter().map(|a| a.as_str()))
            {
                brands.entry(fold_key(name)).or_insert(i);
            }
        }
        let mut models = vec![Vec::new(); store.brands.len()];
        let mut aliases = vec![Vec::new(); store.brands.len()];
        for m in 0..store.models.len() {
            let model = store.models.get(m);
            let Some(brand) = store.brand(&model.brand) else {
                continue;
            };
            models[brand].extend(Name::of(&model.name).map(|n| (m, n)));
            aliases[brand].extend(
                model
                    .aliases
                    .iter()
                    .filter_map(|a| Name::of(a))
                    .map(|n| (m, n)),
            );
        }
        // An alias that begins another model's name is a family's name ("Air Max" for the
        // Air Max 1): it says nothing about which model a product is.
        for (brand, list) in aliases.into_iter().enumerate() {
            let names = &models[brand];
            let family = |alias: &Name| {
                names.iter().any(|(_, n)| {
                    n.words.len() > alias.words.len() && n.words.starts_with(&alias.words)
                })
            };
            let specific: Vec<(usize, Name)> =
                list.into_iter().filter(|(_, a)| !family(a)).collect();
            models[brand].extend(specific);
        }
        // An alias that is the name with other punctuation ("Off White" for Off-White) is left
        // out: written that way it is as likely a colour as the label.
        let collaborators = (store.collaborators.iter().enumerate())
            .flat_map(|(i, c)| {
                let key = fold_key(&c.name);
                let exact = spaced_words(&c.name);
                std::iter::once(c.name.as_str())
                    .chain(c.aliases.iter().map(|a| a.as_str()))
                    .filter(move |a| fold_key(a) != key || spaced_words(a) == exact)
                    .filter_map(Name::spaced)
                    .map(move |n| (i, n))
            })
            .collect();
        Matcher {
            store,
            brands,
            models,
            collaborators,
        }
    }

    /// The dataset's brand a brand column names (`ASICS`, `Asics`, `asics`, an alias).
    pub fn brand(&self, written: &str) -> Option<usize> {
        self.brands.get(&fold_key(written)).copied()
    }

    /// The most specific model of `brand` whose name or alias the product's words contain.
    pub fn model(&self, brand: usize, product: &[String]) -> Option<usize> {
        (self.models.get(brand)?.iter())
            .filter(|(_, name)| contains(product, &name.words))
            .max_by_key(|(m, name)| (name.words.len(), name.length, std::cmp::Reverse(*m)))
            .map(|(m, _)| *m)
    }

    /// The known collaborators a product's name names (its [`spaced_words`]), not the brand
    /// itself nor a word of the model's own name (the Invincible Run is not by Invincible),
    /// in the order of the dataset.
    pub fn collaborators(
        &self,
        brand: Option<usize>,
        model: Option<usize>,
        product: &[String],
    ) -> Vec<usize> {
        let brand_key = brand.map(|b| fold_key(&self.store.brands[b].name));
        let model_key = model.map(|m| fold_key(self.store.models.name(m)));
        let mut found: Vec<usize> = (self.collaborators.iter())
            .filter(|(c, name)| {
                let key = fold_key(&self.store.collaborators[*c].name);
                contains(product, &name.words)
                    && Some(&key) != brand_key.as_ref()
                    && !model_key.as_ref().is_some_and(|m| m.contains(&key))
            })
            .map(|(c, _)| *c)
            .collect();
        found.dedup();
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        let product = words("ASICS Gel-Kayano 14 Kiko Kostadinov Novalis");
        assert!(contains(&product, &words("Gel-Kayano 14")));
        assert!(!contains(&product, &words("Gel-Kayano 1")));
        assert!(contains(
            &words("New Balance 550 Aimé Leon Dore"),
            &words("aime leon dore")
        ));
        let colour = spaced_words("New Balance 2002R Off White");
        assert!(!contains(&colour, &spaced_words("Off-White")));
        assert!(contains(
            &spaced_words("Nike Blazer Low Off-White"),
            &spaced_words("Off-White")
        ));
    }
}
