package db

// Queued is how many writes wait for the next group, for tests that line them up.
func (g *GroupCommit) Queued() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.queue)
}

// Lanes is how many groups commit at once.
func (g *GroupCommit) Lanes() int { return g.lanes }
