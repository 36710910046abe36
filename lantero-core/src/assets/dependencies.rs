//! The "depends on" graph between assets, kept acyclic.
//!
//! Nodes are positions in the register. Edges point from the dependent asset to the asset
//! it depends on ("the case system depends on the database server").

use std::collections::{HashSet, VecDeque};

/// Adjacency lists plus, per node, how many assets depend on it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct DependencyGraph {
    /// `depends_on[a]`: what `a` depends on, in the order the edges were added.
    depends_on: Vec<Vec<usize>>,
    /// `dependents[b]`: how many assets depend on `b`.
    dependents: Vec<usize>,
}

impl DependencyGraph {
    /// Adds a node without edges; its position is the number of nodes before it.
    pub(super) fn push_node(&mut self) {
        self.depends_on.push(Vec::new());
        self.dependents.push(0);
    }

    /// What `node` depends on.
    pub(super) fn depends_on(&self, node: usize) -> &[usize] {
        self.depends_on.get(node).map_or(&[], Vec::as_slice)
    }

    /// The nodes that depend on `node` (one scan over all edges).
    pub(super) fn dependents_of(&self, node: usize) -> Vec<usize> {
        (0..self.depends_on.len())
            .filter(|&a| self.depends_on[a].contains(&node))
            .collect()
    }

    /// Adds `from → to` unless it would close a cycle; an edge that exists is left alone.
    ///
    /// On a cycle returns it as `[from, to, …, from]`.
    pub(super) fn add_checked(&mut self, from: usize, to: usize) -> Result<(), Vec<usize>> {
        if from == to {
            return Err(vec![from, from]);
        }
        if self.depends_on(from).contains(&to) {
            return Ok(());
        }
        // A cycle through the new edge needs a path back into `from`; with no dependents
        // there is none, which saves the search when a register is built bottom-up.
        if self.dependents.get(from).is_some_and(|&n| n > 0) {
            if let Some(path) = self.path(to, from) {
                let mut cycle = vec![from];
                cycle.extend(path);
                return Err(cycle);
            }
        }
        self.insert(from, to);
        Ok(())
    }

    /// Adds many edges with one acyclicity check over the whole graph, O(V + E) instead of a
    /// search per edge. All or nothing: on a cycle no edge is kept.
    pub(super) fn add_all(&mut self, edges: &[(usize, usize)]) -> Result<(), Vec<usize>> {
        let before: Vec<(usize, usize)> = edges
            .iter()
            .map(|&(from, _)| (from, self.depends_on(from).len()))
            .collect();
        let mut added = Vec::new();
        for &(from, to) in edges {
            if from == to {
                self.roll_back(&before, &added);
                return Err(vec![from, from]);
            }
            if !self.depends_on(from).contains(&to) {
                self.insert(from, to);
                added.push(to);
            }
        }
        if let Err(cycle) = self.topological_order() {
            self.roll_back(&before, &added);
            return Err(cycle);
        }
        Ok(())
    }

    /// Every node, each before everything it depends on (Kahn's algorithm, O(V + E)).
    /// Among nodes that are ready at the same time, lower positions come first.
    ///
    /// On a cycle returns one, as `[a, b, …, a]`.
    pub(super) fn topological_order(&self) -> Result<Vec<usize>, Vec<usize>> {
        let mut order = Vec::with_capacity(self.depends_on.len());
        self.walk_dependents_first(|node, _| order.push(node))?;
        Ok(order)
    }

    /// Calls `visit(node, what node depends on)` for every node in the order of
    /// [`Self::topological_order`], without building the order: by the time a node is
    /// visited, everything that depends on it has been.
    ///
    /// On a cycle returns one, as `[a, b, …, a]`, after visiting the nodes outside it.
    pub(super) fn walk_dependents_first(
        &self,
        mut visit: impl FnMut(usize, &[usize]),
    ) -> Result<(), Vec<usize>> {
        let mut waiting = self.dependents.clone();
        let mut ready: VecDeque<usize> = (0..waiting.len()).filter(|&n| waiting[n] == 0).collect();
        let mut visited = 0;
        while let Some(node) = ready.pop_front() {
            let dependencies = self.depends_on(node);
            visit(node, dependencies);
            visited += 1;
            for &dependency in dependencies {
                if let Some(count) = waiting.get_mut(dependency) {
                    *count -= 1;
                    if *count == 0 {
                        ready.push_back(dependency);
                    }
                }
            }
        }
        if visited == self.depends_on.len() {
            Ok(())
        } else {
            Err(self.find_cycle())
        }
    }

    fn insert(&mut self, from: usize, to: usize) {
        if let (Some(list), Some(count)) =
            (self.depends_on.get_mut(from), self.dependents.get_mut(to))
        {
            list.push(to);
            *count += 1;
        }
    }

    fn roll_back(&mut self, before: &[(usize, usize)], added: &[usize]) {
        for &(from, len) in before {
            if let Some(list) = self.depends_on.get_mut(from) {
                list.truncate(len);
            }
        }
        for &to in added {
            if let Some(count) = self.dependents.get_mut(to) {
                *count -= 1;
            }
        }
    }

    /// A path `start → … → goal` along edges, by depth-first search over the part of the
    /// graph reachable from `start`.
    fn path(&self, start: usize, goal: usize) -> Option<Vec<usize>> {
        let mut seen = HashSet::from([start]);
        // Each frame: a node and how many of its edges were tried.
        let mut stack = vec![(start, 0usize)];
        while let Some(&mut (node, ref mut tried)) = stack.last_mut() {
            if node == goal {
                return Some(stack.iter().map(|&(n, _)| n).collect());
            }
            match self.depends_on(node).get(*tried) {
                Some(&next) => {
                    *tried += 1;
                    if seen.insert(next) {
                        stack.push((next, 0));
                    }
                }
                None => {
                    stack.pop();
                }
            }
        }
        None
    }

    /// Some cycle, found by depth-first search with "on the current path" marks; only called
    /// once Kahn's algorithm has shown that one exists.
    fn find_cycle(&self) -> Vec<usize> {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            OnPath,
            Done,
        }
        let mut marks = vec![Mark::New; self.depends_on.len()];
        for root in 0..marks.len() {
            if marks[root] != Mark::New {
                continue;
            }
            marks[root] = Mark::OnPath;
            let mut stack = vec![(root, 0usize)];
            while let Some(&mut (node, ref mut tried)) = stack.last_mut() {
                match self.depends_on(node).get(*tried).copied() {
                    Some(next) => {
                        *tried += 1;
                        match marks[next] {
                            Mark::New => {
                                marks[next] = Mark::OnPath;
                                stack.push((next, 0));
                            }
                            Mark::OnPath => {
                                let start = stack.iter().position(|&(n, _)| n == next).unwrap_or(0);
                                let mut cycle: Vec<usize> =
                                    stack[start..].iter().map(|&(n, _)| n).collect();
                                cycle.push(next);
                                return cycle;
                            }
                            Mark::Done => {}
                        }
                    }
                    None => {
                        marks[node] = Mark::Done;
                        stack.pop();
                    }
                }
            }
        }
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(nodes: usize) -> DependencyGraph {
        let mut g = DependencyGraph::default();
        (0..nodes).for_each(|_| g.push_node());
        g
    }

    #[test]
    fn a_chain_closed_on_itself_is_reported_in_order() {
        let mut g = graph(5);
        for i in 0..4 {
            g.add_checked(i, i + 1).unwrap();
        }
        assert_eq!(g.add_checked(4, 0), Err(vec![4, 0, 1, 2, 3, 4]));
        assert_eq!(g.add_checked(3, 3), Err(vec![3, 3]));
        assert_eq!(g.topological_order(), Ok(vec![0, 1, 2, 3, 4]));
    }

    #[test]
    fn bulk_add_is_all_or_nothing() {
        let mut g = graph(4);
        g.add_all(&[(0, 1), (1, 2)]).unwrap();
        let before = g.clone();
        let cycle = g.add_all(&[(2, 3), (3, 1), (0, 3)]).unwrap_err();
        assert_eq!(g, before);
        // The cycle is 1 → 2 → 3 → 1, starting wherever the search met it.
        assert_eq!(cycle.len(), 4);
        assert_eq!(cycle.first(), cycle.last());
        for pair in cycle.windows(2) {
            assert!(
                [(1, 2), (2, 3), (3, 1)].contains(&(pair[0], pair[1])),
                "{cycle:?}"
            );
        }
        assert_eq!(g.add_all(&[(2, 2)]), Err(vec![2, 2]));
        assert_eq!(g, before);
    }

    #[test]
    fn repeated_edges_count_once() {
        let mut g = graph(2);
        g.add_checked(0, 1).unwrap();
        g.add_checked(0, 1).unwrap();
        g.add_all(&[(0, 1), (0, 1)]).unwrap();
        assert_eq!(g.depends_on(0), &[1]);
        assert_eq!(g.dependents_of(1), vec![0]);
        assert_eq!(g.dependents, vec![0, 1]);
    }
}
