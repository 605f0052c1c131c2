package settingspage

import "jemputbola/templates/components"

// Form is the office form with what was typed and the messages.
type Form struct {
	Name     string
	Address  string
	City     string
	HeadName string
	HeadNIP  string
	HeadRank string
	components.Problems
}
