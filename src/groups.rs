//! [`Groups`]: many short lists of numbers in one array, such as the releases of each model or
//! the entries of each brand. One allocation in all instead of one per list, which for a
//! dataset of a million entries saves tens of megabytes.

/// Lists of numbers (below 2³², as timeline positions and record indexes are) by key.
#[derive(Debug, Clone, Default)]
pub struct Groups {
    /// The list of key `k` is `items[starts[k]..starts[k + 1]]`.
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl Groups {
    /// Groups the `(key, item)` pairs that `pairs` yields (it is called twice: once to count,
    /// once to fill), keys below `keys`; each list keeps its items in the order given.
    pub fn new<I>(keys: usize, pairs: impl Fn() -> I) -> Groups
    where
        I: Iterator<Item = (usize, usize)>,
    {
        let mut starts = vec![0u32; keys + 1];
        for (key, _) in pairs() {
            starts[key + 1] += 1;
        }
        for k in 0..keys {
            starts[k + 1] += starts[k];
        }
        let mut next = starts.clone();
        let mut items = vec![0u32; starts[keys] as usize];
        for (key, item) in pairs() {
            items[next[key] as usize] = item as u32;
            next[key] += 1;
        }
        Groups { starts, items }
    }

    /// The list of `key`, empty for a key out of range.
    pub fn get(&self, key: usize) -> impl ExactSizeIterator<Item = usize> + '_ {
        let bounds = self.starts.get(key..).and_then(|rest| rest.get(..2));
        let range = match bounds {
            Some(&[start, end]) => start as usize..end as usize,
            _ => 0..0,
        };
        self.items[range].iter().map(|&item| item as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_key_lists_its_items_in_order() {
        let pairs = [(2, 10), (0, 11), (2, 12), (0, 13)];
        let groups = Groups::new(4, || pairs.iter().copied());
        let list = |k: usize| groups.get(k).collect::<Vec<_>>();
        assert_eq!(list(0), [11, 13]);
        assert_eq!(list(1), [] as [usize; 0]);
        assert_eq!(list(2), [10, 12]);
        assert_eq!(list(3), [] as [usize; 0]);
        assert_eq!(list(9), [] as [usize; 0]);
        assert_eq!(list(usize::MAX), [] as [usize; 0]);
    }
}

/// What a cache keeps of [`Groups`]: its two arrays as little-endian bytes.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct GroupsImage {
    #[serde(with = "serde_bytes")]
    starts: Vec<u8>,
    #[serde(with = "serde_bytes")]
    items: Vec<u8>,
}

impl Groups {
    pub fn image(&self) -> GroupsImage {
        GroupsImage {
            starts: crate::raw::u32s_to_bytes(&self.starts),
            items: crate::raw::u32s_to_bytes(&self.items),
        }
    }

    /// The groups back from an image; `None` when the image does not hold well-formed groups
    /// (each start within the items, in order).
    pub fn from_image(image: GroupsImage) -> Option<Groups> {
        let starts = crate::raw::bytes_to_u32s(&image.starts)?;
        let items = crate::raw::bytes_to_u32s(&image.items)?;
        let ordered = starts.windows(2).all(|w| w[0] <= w[1]);
        let within = starts.last().is_none_or(|&end| end as usize == items.len());
        (ordered && within && !starts.is_empty()).then_some(Groups { starts, items })
    }
}
