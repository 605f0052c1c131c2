package demo

// Demo schools and OPD offices of Kabupaten Rejang Lebong. The names follow the
// usual pattern of such institutions; their desa and head counts are invented,
// and every row is stored with the demo flag.

type place struct {
	name     string
	desa     string // desa/kelurahan code it stands in
	eligible int64  // students aged 17+ or staff
}

var demoSchools = []place{
	{"SMA Negeri 1 Rejang Lebong", "17.02.19.1001", 310},
	{"SMA Negeri 2 Rejang Lebong", "17.02.09.1012", 280},
	{"SMA Negeri 3 Rejang Lebong", "17.02.17.1001", 240},
	{"SMA Negeri 4 Rejang Lebong", "17.02.06.1004", 190},
	{"SMA Negeri 5 Rejang Lebong", "17.02.07.1011", 170},
	{"SMA Negeri 6 Rejang Lebong", "17.02.11.1004", 200},
	{"SMA Negeri 7 Rejang Lebong", "17.02.08.1006", 120},
	{"SMA Negeri 8 Rejang Lebong", "17.02.16.1001", 150},
	{"SMA Negeri 9 Rejang Lebong", "17.02.23.2001", 110},
	{"SMA Negeri 10 Rejang Lebong", "17.02.21.2001", 95},
	{"SMK Negeri 1 Rejang Lebong", "17.02.19.1002", 330},
	{"SMK Negeri 2 Rejang Lebong", "17.02.18.1001", 260},
	{"SMK Negeri 3 Rejang Lebong", "17.02.10.2001", 140},
	{"SMK Negeri 4 Rejang Lebong", "17.02.06.1015", 130},
	{"MAN 1 Rejang Lebong", "17.02.09.1026", 220},
	{"MAN 2 Rejang Lebong", "17.02.07.2001", 150},
	{"SMA Muhammadiyah Curup", "17.02.19.1003", 90},
	{"SMA Xaverius Curup", "17.02.09.1027", 80},
	{"SMK Sukma Curup", "17.02.17.1002", 110},
	{"SMA PGRI Curup", "17.02.19.1004", 70},
	{"Institut Agama Islam Negeri Curup", "17.02.18.1002", 900},
	{"Politeknik Raflesia Curup", "17.02.16.1002", 350},
}

var demoOPDs = []place{
	{"Sekretariat Daerah Kabupaten Rejang Lebong", "17.02.19.1001", 260},
	{"Sekretariat DPRD Kabupaten Rejang Lebong", "17.02.19.1001", 90},
	{"Dinas Pendidikan dan Kebudayaan", "17.02.19.1002", 180},
	{"Dinas Kesehatan", "17.02.19.1002", 150},
	{"RSUD Rejang Lebong", "17.02.09.1033", 420},
	{"Dinas Pekerjaan Umum dan Penataan Ruang", "17.02.19.1003", 140},
	{"Badan Perencanaan Pembangunan Daerah", "17.02.19.1001", 70},
	{"Badan Kepegawaian dan Pengembangan SDM", "17.02.19.1001", 60},
	{"Badan Keuangan Daerah", "17.02.19.1001", 110},
	{"Inspektorat Daerah", "17.02.19.1003", 65},
	{"Dinas Sosial", "17.02.09.1012", 55},
	{"Dinas Pertanian dan Perikanan", "17.02.17.1001", 120},
	{"Dinas Perhubungan", "17.02.09.1026", 95},
	{"Satuan Polisi Pamong Praja", "17.02.19.1004", 160},
	{"Dinas Kependudukan dan Pencatatan Sipil", "17.02.19.1002", 75},
	{"Dinas Penanaman Modal dan PTSP", "17.02.19.1003", 50},
	{"Dinas Lingkungan Hidup", "17.02.18.1002", 85},
	{"Badan Penanggulangan Bencana Daerah", "17.02.09.1027", 60},
}
