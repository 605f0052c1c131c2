package layout

// Data is what every full page needs, built once per request in web/.
type Data struct {
	Title    string
	Nav      string // key of the active navigation item
	CSRF     string
	Flash    string
	UserName string
	RoleName string
	Links    []Link // navigation allowed for this user; empty when signed out
}

// Link is one navigation item.
type Link struct {
	Key   string
	Label string
	Href  string
}
