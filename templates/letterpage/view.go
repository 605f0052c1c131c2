package letterpage

// Office is the letterhead and the signatory of a letter.
type Office struct {
	Government string // "PEMERINTAH KOTA BENGKULU"
	LogoURL    string // "" when the office uploaded no logo
	Name       string
	Address    string
	City       string
	HeadName   string
	HeadNIP    string
	HeadRank   string
}

// Letter is what both letters need, formatted.
type Letter struct {
	Office    Office
	VisitID   int64
	SiteName  string
	TeamName  string
	Place     string // site, desa and kecamatan
	Addressee string // who the announcement goes to
	Date      string // day of the visit, long form
	Window    string // "08.00–12.00"
	Zone      string // WIB, WITA or WIT
	Expected  string // formatted
	Leader    string // "" when the team has none
	Members   []string
	Today     string // date of the letter, long form
	Year      string // year of the letter's number
}
