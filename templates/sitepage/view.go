package sitepage

import (
	"net/url"

	"jemputbola/templates/components"
	"jemputbola/web/paths"
)

// List is one page of sites with its filters.
type List struct {
	Rows             []Row
	Total            string // sites matching the filters, formatted
	Page, Pages      int
	Query, Kind, Kec string              // the filters as chosen
	Kinds            []components.Option // "Semua jenis" first
	Kecamatan        []components.Option // every kecamatan, code and name
	CanEdit          bool                // may add, change and delete sites
	CSRF             string
	Error            string
}

// Row is one site in the list.
type Row struct {
	ID            int64
	Name          string
	Demo          bool
	Kind          string // label
	DesaName      string
	KecamatanName string
	Eligible      string // formatted
	Contact       string
}

// Form is the create/edit form with what the user typed and the messages.
type Form struct {
	ID                                                                int64
	Name, Kind, DesaCode, Address, Lat, Lng, Contact, Eligible, Notes string
	Kinds                                                             []components.Option // "Pilih jenis" first
	Groups                                                            []components.DesaGroup
	components.Problems
}

// query is the list's address with its filters, ready for a page number.
func (l List) query() string {
	v := url.Values{}
	if l.Kind != "" {
		v.Set("kind", l.Kind)
	}
	if l.Kec != "" {
		v.Set("kec", l.Kec)
	}
	if l.Query != "" {
		v.Set("q", l.Query)
	}
	if len(v) == 0 {
		return paths.Sites + "?"
	}
	return paths.With(paths.Sites, v) + "&"
}
