// Package privacypage renders Data pribadi: what the app keeps about whom,
// why, for how long and who sees it, and the audit trail's retention.
package privacypage
