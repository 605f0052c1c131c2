package privacypage

import "jemputbola/templates/components"

// View is the page: the facts that depend on the office and its settings,
// and for an admin the retention forms.
type View struct {
	Region       string // "Kabupaten Rejang Lebong"
	SessionHours int
	FailureHours int
	ContactMax   int // characters of a site's contact
	Years        int // audit retention
	Entries      string
	Cutoff       string // the day before which entries are past retention, as prose
	Old          int64  // entries past retention
	OldText      string // Old, formatted
	OldestAt     string // the oldest of them, as prose
	Admin        bool   // may change the retention and remove archived entries
	Retention    RetentionForm
	Archive      ArchiveForm
}

// RetentionForm sets the years audit entries stay in the app.
type RetentionForm struct {
	Years string
	components.Problems
}

// ArchiveForm removes the entries past retention once archived; Before and
// LastID pin what the page showed, so that the file downloaded and the
// entries removed are the same.
type ArchiveForm struct {
	Before       string // RFC 3339
	LastID       string
	DownloadHref string
	components.Problems
}
