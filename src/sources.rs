//! The rules a source's address follows: the publisher's own page, never a copy of it on
//! another host, and never the same page twice for one entry.
//!
//! Only the host of an `http(s)` address matters here, so it is read by hand (scheme, optional
//! user, host, optional port) rather than with a full URL parser: nothing else of the address
//! is used, and the dataset's addresses are checked to start with a scheme elsewhere.

use std::net::IpAddr;

/// The host of an `http://` or `https://` address, lower-cased, with its port if it names one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Host {
    pub name: String,
    pub port: Option<String>,
}

/// Reads the host of an address; `None` for an address without an `http(s)://` scheme or host.
pub fn host(url: &str) -> Option<Host> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let authority = authority.rsplit('@').next().unwrap_or_default();
    let (name, port) = if let Some(bracketed) = authority.strip_prefix('[') {
        // An IPv6 address: [::1]:8080.
        let (ip, after) = bracketed.split_once(']')?;
        (ip, after.strip_prefix(':'))
    } else {
        match authority.rsplit_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (authority, None),
        }
    };
    let name = name.trim_end_matches('.').to_lowercase();
    (!name.is_empty()).then(|| Host {
        name,
        port: port.map(str::to_string),
    })
}

/// The host without a leading `www.`: the name publishers are listed under.
pub fn site(host: &Host) -> &str {
    host.name.strip_prefix("www.").unwrap_or(&host.name)
}

/// Labels of a host name that mark a server other than the publisher's public site: a
/// staging, preview, development or test copy, or a content-delivery network.
const COPY_LABELS: [&str; 12] = [
    "staging", "stage", "preview", "preprod", "dev", "develop", "qa", "test", "cdn", "infra",
    "fallback", "origin",
];

/// Hosts that only serve copies of other publishers' pages (CDNs, site builders' staging
/// domains, scrapers).
const COPY_DOMAINS: [&str; 8] = [
    "cloudfront.net",
    "akamaihd.net",
    "fastly.net",
    "go-vip.co",
    "go-vip.net",
    "rssing.com",
    "swiftype.com",
    "amazonaws.com",
];

/// Why an address cannot be a source (it points at a copy of a page, not the publisher's
/// own), or `None` when its host is acceptable.
pub fn copy_host_reason(url: &str) -> Option<String> {
    let host = host(url)?;
    if host.name.parse::<IpAddr>().is_ok() {
        return Some(format!("its host {} is an IP address", host.name));
    }
    if let Some(port) = &host.port {
        return Some(format!("its host {} names a port ({port})", host.name));
    }
    if let Some(domain) = COPY_DOMAINS.iter().find(|d| {
        (host.name.strip_suffix(**d)).is_some_and(|rest| rest.is_empty() || rest.ends_with('.'))
    }) {
        return Some(format!(
            "its host {} is a copy server ({domain})",
            host.name
        ));
    }
    // Labels other than the last two (the registered domain), split at dots and dashes:
    // `www-qa.ssense.com`, `sneakernews-com-develop.go-vip.co`, `cdn.example.com`.
    let labels: Vec<&str> = host.name.split('.').collect();
    let inner = &labels[..labels.len().saturating_sub(2)];
    let marker = inner
        .iter()
        .flat_map(|label| label.split('-'))
        .find(|word| COPY_LABELS.contains(word));
    marker.map(|word| {
        format!(
            "its host {} looks like a {word} server, not the publisher's site",
            host.name
        )
    })
}

/// The form of an address used to tell whether two sources are the same page: no scheme, no
/// `www.`, no fragment, no trailing slash, the host lower-cased.
pub fn page_key(url: &str) -> String {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let rest = rest.split('#').next().unwrap_or_default();
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    format!("{host}/{}", path.trim_end_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_host_is_read_with_its_port_and_without_user_or_path() {
        let h = host("https://user@Example.COM:8080/a/b?c#d").unwrap();
        assert_eq!(h.name, "example.com");
        assert_eq!(h.port.as_deref(), Some("8080"));
        let h = host("http://[2001:db8::1]:80/x").unwrap();
        assert_eq!(h.name, "2001:db8::1");
        assert_eq!(host("ftp://example.com"), None);
        assert_eq!(host("https:///path"), None);
        assert_eq!(
            site(&host("https://www.highsnobiety.com/p/x").unwrap()),
            "highsnobiety.com"
        );
    }

    #[test]
    fn copies_of_pages_are_recognised_by_their_host() {
        for url in [
            "http://18.180.169.41/sneaker-wars/page",
            "https://[2001:db8::1]/page",
            "https://www.complex.com:8443/sneakers/page",
            "https://sneakernews-com-develop.go-vip.co/2020/01/01/page",
            "https://d1oy6al3zakj0p.cloudfront.net/page",
            "https://nz-alice.preprod.snag.eks.aws.theiconic.com.au/page",
            "https://www-qa.ssense.com/en/page",
            "https://content-prod.adc-blue.infra.complex.com/page",
            "https://fallback.www.voguescandinavia.com/page",
            "https://trail3723.rssing.com/chan/page",
            "https://api.swiftype.com/api/v1/page",
            "https://staging.example.com/page",
        ] {
            assert!(copy_host_reason(url).is_some(), "{url} passed");
        }
        for url in [
            "https://www.highsnobiety.com/p/asics-kayano-design-history/",
            "https://sneakernews.com/2020/01/01/page",
            "https://about.nike.com/en/newsroom",
            "https://blog.size.co.uk/2019/page",
            "https://www.devon-running.co.uk/page",
            "https://testimonials.example.com/page",
        ] {
            assert_eq!(copy_host_reason(url), None, "{url} refused");
        }
    }

    #[test]
    fn the_same_page_is_recognised_through_scheme_www_case_and_trailing_slash() {
        assert_eq!(
            page_key("http://www.Example.com/a/b/"),
            page_key("https://example.com/a/b#top")
        );
        assert_ne!(
            page_key("https://example.com/a/b"),
            page_key("https://example.com/a/c")
        );
        // The path keeps its case: servers may tell /A from /a.
        assert_ne!(page_key("https://e.com/A"), page_key("https://e.com/a"));
    }
}
