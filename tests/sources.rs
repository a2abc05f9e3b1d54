//! The rules every source of the built-in history follows: the publisher's own page (never a
//! copy on an IP address, a port, a staging, preview, development or CDN host), never the same
//! page twice for one entry, every publisher named in `data/publishers.ron`, and every entry
//! backed by at least one brand, editorial, retailer or museum page.

use kicktime::model::Source;
use kicktime::open::open;
use kicktime::sources::{copy_host_reason, page_key};
use kicktime::store::{Store, Subject};

fn store() -> Store {
    open(None).expect("the built-in dataset opens").store
}

/// Every model and release (undated ones included) with its id and sources, then every era
/// and brand.
fn everything_cited(store: &Store) -> Vec<(String, Vec<Source>)> {
    let subjects = (0..store.models.len())
        .map(Subject::Model)
        .chain((0..store.releases.len()).map(Subject::Release));
    let mut cited: Vec<(String, Vec<Source>)> = subjects
        .map(|s| {
            let id = store.subject_id(s).to_string();
            (id, store.subject_provenance(s).0.to_vec())
        })
        .collect();
    cited.extend((store.eras.iter()).map(|e| (format!("era {}", e.id), e.sources.to_vec())));
    cited.extend((store.brands.iter()).map(|b| (format!("brand {}", b.id), b.sources.to_vec())));
    cited
}

#[test]
fn no_source_is_a_copy_of_a_page_or_the_same_page_twice() {
    let store = store();
    for (id, sources) in everything_cited(&store) {
        let mut pages = Vec::new();
        for source in &sources {
            assert_eq!(copy_host_reason(&source.url), None, "{id}: {}", source.url);
            let page = page_key(&source.url);
            assert!(!pages.contains(&page), "{id} cites {} twice", source.url);
            pages.push(page);
        }
    }
}

#[test]
fn every_source_names_its_publisher_and_every_entry_has_an_accountable_one() {
    let store = store();
    assert!(
        store.publishers.len() > 300,
        "the publishers list is missing"
    );
    let mut unknown = Vec::new();
    let mut unbacked = Vec::new();
    for (id, sources) in everything_cited(&store) {
        for source in &sources {
            if store.publisher_of(&source.url).is_none() {
                unknown.push(format!("{id}: {}", source.url));
            }
        }
        let backed = sources.iter().any(|s| {
            store
                .publisher_of(&s.url)
                .is_some_and(|p| p.kind.is_accountable())
        });
        if !backed && !id.starts_with("brand ") && !sources.is_empty() {
            unbacked.push(id);
        }
    }
    assert!(
        unknown.is_empty(),
        "sources whose publisher data/publishers.ron does not name:\n{}",
        unknown.join("\n")
    );
    assert!(
        unbacked.is_empty(),
        "entries with no brand, editorial, retailer or museum source:\n{}",
        unbacked.join("\n")
    );
}

#[test]
fn the_rules_recognise_the_copies_the_audit_found() {
    for url in [
        "http://18.180.169.41/sneaker-wars/items/view/1",
        "https://sneakernews-com-develop.go-vip.co/2020/01/01/x",
        "https://nz-alice.preprod.snag.eks.aws.theiconic.com.au/x",
        "https://d1oy6al3zakj0p.cloudfront.net/x",
        "https://www.complex.com:8443/x",
    ] {
        assert!(copy_host_reason(url).is_some(), "{url}");
    }
}
