//! Stable sorting through one compiled merge sort. Every `sort_by` on a
//! new element type compiles a whole sorting algorithm into the release
//! build (several KiB each); sorting indices with a comparison passed as a
//! trait object shares one copy.

use std::cmp::Ordering;

/// The indices `0..len` in the stable order given by `cmp`.
pub fn stable_order(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut buffer = order.clone();
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let mid = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid || j < end {
                let take_left =
                    j >= end || (i < mid && cmp(order[i], order[j]) != Ordering::Greater);
                buffer[k] = if take_left { order[i] } else { order[j] };
                if take_left {
                    i += 1;
                } else {
                    j += 1;
                }
                k += 1;
            }
            start = end;
        }
        std::mem::swap(&mut order, &mut buffer);
        width *= 2;
    }
    order
}

/// Sorts `items` stably by `cmp`.
pub fn sort_by<T>(items: &mut Vec<T>, cmp: &dyn Fn(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &|a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// The main tasks of `tasks` in number order, each once (no sorting needed:
/// there are only sixteen).
pub fn tasks_in_order(tasks: &[super::TaskNo]) -> Vec<super::TaskNo> {
    super::TaskNo::all().filter(|t| tasks.contains(t)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_stably() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_by(&mut v, &|a, b| a.0.cmp(&b.0));
        assert_eq!(v, vec![(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        let mut empty: Vec<u8> = Vec::new();
        sort_by(&mut empty, &|a, b| a.cmp(b));
        assert!(empty.is_empty());
    }

    proptest! {
        #[test]
        fn agrees_with_the_standard_stable_sort(mut v in proptest::collection::vec((0u8..8, 0u16..1000), 0..60)) {
            let mut expected = v.clone();
            expected.sort_by_key(|x| x.0);
            sort_by(&mut v, &|a, b| a.0.cmp(&b.0));
            prop_assert_eq!(v, expected);
        }
    }
}
