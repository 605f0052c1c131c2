package demo

import "jemputbola/internal/site"

// Demo schools and OPD offices of Kabupaten Rejang Lebong. The names follow the
// usual pattern of such institutions; their desa and head counts are invented,
// and every row is stored with the demo flag.

type place struct {
	name     string
	desa     string // desa/kelurahan code it stands in
	eligible int64  // students aged 17+ or staff
	kind     site.Kind
}

var demoSchools = []place{
	{"SMA Negeri 1 Rejang Lebong", "17.02.19.1001", 310, site.Sekolah},
	{"SMA Negeri 2 Rejang Lebong", "17.02.09.1012", 280, site.Sekolah},
	{"SMA Negeri 3 Rejang Lebong", "17.02.17.1001", 240, site.Sekolah},
	{"SMA Negeri 4 Rejang Lebong", "17.02.06.1004", 190, site.Sekolah},
	{"SMA Negeri 5 Rejang Lebong", "17.02.07.1011", 170, site.Sekolah},
	{"SMA Negeri 6 Rejang Lebong", "17.02.11.1004", 200, site.Sekolah},
	{"SMA Negeri 7 Rejang Lebong", "17.02.08.1006", 120, site.Sekolah},
	{"SMA Negeri 8 Rejang Lebong", "17.02.16.1001", 150, site.Sekolah},
	{"SMA Negeri 9 Rejang Lebong", "17.02.23.2001", 110, site.Sekolah},
	{"SMA Negeri 10 Rejang Lebong", "17.02.21.2001", 95, site.Sekolah},
	{"SMK Negeri 1 Rejang Lebong", "17.02.19.1002", 330, site.Sekolah},
	{"SMK Negeri 2 Rejang Lebong", "17.02.18.1001", 260, site.Sekolah},
	{"SMK Negeri 3 Rejang Lebong", "17.02.10.2001", 140, site.Sekolah},
	{"SMK Negeri 4 Rejang Lebong", "17.02.06.1015", 130, site.Sekolah},
	{"MAN 1 Rejang Lebong", "17.02.09.1026", 220, site.Sekolah},
	{"MAN 2 Rejang Lebong", "17.02.07.2001", 150, site.Sekolah},
	{"SMA Muhammadiyah Curup", "17.02.19.1003", 90, site.Sekolah},
	{"SMA Xaverius Curup", "17.02.09.1027", 80, site.Sekolah},
	{"SMK Sukma Curup", "17.02.17.1002", 110, site.Sekolah},
	{"SMA PGRI Curup", "17.02.19.1004", 70, site.Sekolah},
	{"Institut Agama Islam Negeri Curup", "17.02.18.1002", 900, site.Sekolah},
	{"Politeknik Raflesia Curup", "17.02.16.1002", 350, site.Sekolah},
}

var demoOPDs = []place{
	{"Sekretariat Daerah Kabupaten Rejang Lebong", "17.02.19.1001", 260, site.OPD},
	{"Sekretariat DPRD Kabupaten Rejang Lebong", "17.02.19.1001", 90, site.OPD},
	{"Dinas Pendidikan dan Kebudayaan", "17.02.19.1002", 180, site.OPD},
	{"Dinas Kesehatan", "17.02.19.1002", 150, site.OPD},
	{"RSUD Rejang Lebong", "17.02.09.1033", 420, site.OPD},
	{"Dinas Pekerjaan Umum dan Penataan Ruang", "17.02.19.1003", 140, site.OPD},
	{"Badan Perencanaan Pembangunan Daerah", "17.02.19.1001", 70, site.OPD},
	{"Badan Kepegawaian dan Pengembangan SDM", "17.02.19.1001", 60, site.OPD},
	{"Badan Keuangan Daerah", "17.02.19.1001", 110, site.OPD},
	{"Inspektorat Daerah", "17.02.19.1003", 65, site.OPD},
	{"Dinas Sosial", "17.02.09.1012", 55, site.OPD},
	{"Dinas Pertanian dan Perikanan", "17.02.17.1001", 120, site.OPD},
	{"Dinas Perhubungan", "17.02.09.1026", 95, site.OPD},
	{"Satuan Polisi Pamong Praja", "17.02.19.1004", 160, site.OPD},
	{"Dinas Kependudukan dan Pencatatan Sipil", "17.02.19.1002", 75, site.OPD},
	{"Dinas Penanaman Modal dan PTSP", "17.02.19.1003", 50, site.OPD},
	{"Dinas Lingkungan Hidup", "17.02.18.1002", 85, site.OPD},
	{"Badan Penanggulangan Bencana Daerah", "17.02.09.1027", 60, site.OPD},
}

// Demo schools and OPDs of Kota Bengkulu, named like the real institutions;
// desa and head counts are invented.
var kotaPlaces = []place{
	{"SMA Negeri 1 Kota Bengkulu", "17.71.03.1001", 420, site.Sekolah},
	{"SMA Negeri 2 Kota Bengkulu", "17.71.06.1001", 390, site.Sekolah},
	{"SMA Negeri 5 Kota Bengkulu", "17.71.02.1001", 360, site.Sekolah},
	{"SMK Negeri 3 Kota Bengkulu", "17.71.01.1002", 330, site.Sekolah},
	{"SMA Negeri 4 Kota Bengkulu", "17.71.08.1001", 300, site.Sekolah},
	{"MAN 1 Kota Bengkulu", "17.71.04.1001", 280, site.Sekolah},
	{"SMA Negeri 7 Kota Bengkulu", "17.71.05.1001", 250, site.Sekolah},
	{"Sekretariat Daerah Kota Bengkulu", "17.71.03.1001", 240, site.OPD},
	{"Dinas Pendidikan Kota Bengkulu", "17.71.06.1001", 130, site.OPD},
	{"Dinas Kesehatan Kota Bengkulu", "17.71.09.1001", 120, site.OPD},
	{"RSUD Harapan dan Doa", "17.71.07.1001", 380, site.OPD},
	{"Badan Keuangan Daerah Kota Bengkulu", "17.71.03.1001", 90, site.OPD},
	{"Satuan Polisi Pamong Praja Kota Bengkulu", "17.71.06.1001", 150, site.OPD},
	{"Dinas Perhubungan Kota Bengkulu", "17.71.09.1001", 85, site.OPD},
}

// Demo sites of the province office: its own OPDs in the capital.
var provinsiPlaces = []place{
	{"Sekretariat Daerah Provinsi Bengkulu", "17.71.02.1001", 420, site.OPD},
	{"Dinas Pendidikan dan Kebudayaan Provinsi Bengkulu", "17.71.06.1001", 180, site.OPD},
	{"RSUD Dr. M. Yunus", "17.71.02.1002", 650, site.OPD},
	{"Badan Kepegawaian Daerah Provinsi Bengkulu", "17.71.03.1001", 110, site.OPD},
	{"Universitas Bengkulu", "17.71.09.1001", 1500, site.Sekolah},
	{"UIN Fatmawati Sukarno Bengkulu", "17.71.02.1001", 1100, site.Sekolah},
}
