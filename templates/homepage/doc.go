// Package homepage renders the home page: a welcome, the team's coming
// visits for an operator, the kabupaten's progress, the desa furthest from
// their target and, for those who manage, the counts of accounts, teams and
// sites with the latest changes.
package homepage
