// Package confirmpage renders the page a visited site's contact opens from
// the link in the office's message: the visit, what to prepare, and the
// answer. It shows no person's name or number.
package confirmpage

import "jemputbola/templates/components"

// View is the page.
type View struct {
	Office, Site, Team, Day, Window string
	Prepare                         []string
	Answer                          string // the answer given, in words; "" while waiting
	AnswerNote                      string
	Open                            bool   // the form is shown
	Closed                          string // why not
	Action                          string // where the form posts: the link itself
	CSRF                            string
	Note                            string // as typed
	components.Problems
}
