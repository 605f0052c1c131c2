package layout

// Data is what every full page needs, built once per request in web/.
type Data struct {
	Title string
	Nav   string // key of the active navigation item
	CSRF  string
	Flash string
	// FlashProblem marks a flash that says something was not done.
	FlashProblem bool
	UserName     string
	Username     string // the account's sign-in name: whose offline queue this page sends
	RoleName     string
	DemoUser     bool   // signed in with a demo account, whose password is public
	Links        []Link // navigation allowed for this user; empty when signed out
	Office       string // the region of the signed-in user's office: "Provinsi Bengkulu"
	Viewed       string // the region of the office a read-only view shows: "Kota Bengkulu"
	// ViewOnly is set when a province looks at one of its kab/kota; HomeHref
	// returns to the province's own data.
	ViewOnly bool
	HomeHref string
}

// Link is one navigation item.
type Link struct {
	Key   string
	Label string
	Href  string
}
