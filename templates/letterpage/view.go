package letterpage

import "jemputbola/internal/letter"

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

// Page is a letter's print view.
type Page struct {
	Head       Office // the letterhead, with the logo's address
	Doc        letter.Document
	VisitID    int64
	PDFHref    string
	Unnumbered bool // a read-only view of a letter not yet numbered
}
