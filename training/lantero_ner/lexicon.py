"""Invented-document vocabulary for the synthetic municipal genres.

Written by hand for this project (not taken from the news corpus). Names are split, seeded, into
a training part and a held-out part, so the held-out documents test names the model never saw
in a synthetic document.
"""

FIRST_NAMES_NORDIC = """
Anna Eva Maria Karin Sara Lena Kristina Emma Malin Elin Ingrid Birgitta Margareta Ulla Helena
Johanna Linnea Maja Ebba Alice Wilma Astrid Saga Klara Ida Hanna Frida Jenny Sofia Camilla
Annika Susanne Marie Louise Gunnel Agneta Britt Siv Inger Monica Yvonne Therese Petra Cecilia
Lisa Matilda Elsa Agnes Stina Tove Lovisa Signe Majken Ronja Tuva Ellen Vera Greta Sigrid
Erik Lars Karl Anders Johan Per Nils Mikael Jan Hans Peter Olof Gunnar Sven Bengt Stefan
Thomas Daniel Fredrik Magnus Andreas Jonas Mattias Henrik Björn Göran Leif Kjell Rolf Ulf
Oskar Lucas William Hugo Elias Axel Viktor Filip Isak Emil Albin Arvid Ludvig Gustav Melker
Sixten Torbjörn Åke Örjan Ove Ingvar Kent Roger Tommy Patrik Joakim Jesper Rasmus Viggo
Holger Einar Sture Bertil Tage Harald Helge Mats Kristoffer Niklas Linus Edvin Ture Alvar
""".split()

FIRST_NAMES_OTHER = """
Mohammed Ahmed Ali Hassan Omar Yusuf Ibrahim Mustafa Abdirahman Abdullahi Hamza Karim Tariq
Fatima Aisha Amina Leila Yasmin Nour Hodan Fardowsa Zeynep Elif Emine Mehmet Ahmet Burak
Reza Dariush Parisa Shirin Mina Kaveh Azadeh Amir Sina Dilan Rojda Berivan Zana Hevin
Agnieszka Katarzyna Tomasz Piotr Krzysztof Magdalena Joanna Marek Jelena Milica Nikola Dragan
Amra Emir Senad Lejla Adnan Aida Oksana Olena Dmytro Andriy Natalia Sergei Irina Tatiana
Mika Jukka Pirjo Päivi Aino Veikko Tiina Helmi Senait Yonas Mehari Aster Dawit Selam Tesfaye
Nguyen Linh Thanh Ploy Somchai Wei Jing Xiaoming Priya Rahul Anjali Arjun Carlos Lucía Diego
José Ana Juan Isabella Luca Giulia Matteo Chiara Jean Pierre Amélie Chloé John Sarah Michael
""".split()

SURNAMES_NORDIC = """
Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson
Pettersson Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson Magnusson Olofsson
Lindström Lindqvist Lindgren Axelsson Berg Bergström Lundberg Lundgren Lundqvist Lind
Mattsson Berglund Fredriksson Sandberg Henriksson Forsberg Sjöberg Wallin Engström Eklund
Danielsson Lundin Håkansson Björk Bergman Gunnarsson Holm Wikström Samuelsson Isaksson
Fransson Bergqvist Nyström Holmberg Arvidsson Löfgren Söderberg Nyberg Blomqvist Claesson
Nordström Mårtensson Lundström Viklund Björklund Eliasson Pålsson Berggren Sandström Lund
Nordin Ström Åberg Hermansson Ekström Holmgren Sundberg Hedlund Dahlberg Hellström Sjögren
Abrahamsson Falk Öberg Martinsson Andreasson Blom Ek Åkesson Strand Sundqvist Hägg Ekholm
Norberg Lindholm Fors Dahl Sundström Nordqvist Boström Åström Hedberg Lindblom Söderström
Vesterlund Granqvist Rydberg Stenmark Tornberg Westerlund Åhlund Kvist Hedin Grahn
""".split()

SURNAMES_OTHER = """
Mohamed Ahmed Ali Hassan Hussein Abdi Farah Osman Yilmaz Kaya Demir Şahin Çelik Öztürk
Hosseini Rezaei Ahmadi Karimi Mohammadi Jafari Moradi Rahimi Al-Sayed Al-Hassan Haddad
Khalil Nasser Saleh Mansour Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski
Jovanović Petrović Nikolić Hodžić Hadžić Begić Kovačević Shevchenko Kovalenko Bondarenko
Ivanova Petrov Smirnov Virtanen Korhonen Mäkinen Nieminen Mäkelä Hämäläinen Laine Heikkinen
Tesfay Gebremedhin Haile Berhane Tekle Nguyen Tran Pham Le Wang Li Zhang Chen Liu Sharma
Patel Singh Kumar García Rodríguez Martínez López González Rossi Russo Bianchi Müller
Schmidt Schneider Dubois Martin Bernard Smith Johnson Brown O'Connor
""".split()

PLACES = """
Lillby Norrby Söderhamn Borås Kalmar Växjö Umeå Luleå Gävle Örebro Västerås Jönköping
Sundsvall Östersund Karlstad Falun Visby Kiruna Skellefteå Halmstad Kristianstad Trollhättan
Uddevalla Motala Eskilstuna Nyköping Lidköping Mora Ljusdal Härnösand Piteå Ystad Malmö
Göteborg Stockholm Uppsala Linköping Norrköping Helsingborg Lund Botkyrka Södertälje Rinkeby
Tensta Rosengård Hammarkullen Gottsunda Vivalla Oxhagen Araby Skäggetorp Holma Sverige Norge
Finland Danmark Polen Somalia Syrien Irak Eritrea Afghanistan Turkiet Iran Ukraina Bosnien
Thailand Tyskland Spanien Grekland Estland
""".split()

ORGS = [
    "Försäkringskassan", "Skatteverket", "Arbetsförmedlingen", "Polisen", "Kronofogden",
    "Migrationsverket", "Inspektionen för vård och omsorg", "IVO", "CSN", "Pensionsmyndigheten",
    "Socialnämnden", "Kommunstyrelsen", "Barn- och utbildningsnämnden", "Vård- och omsorgsnämnden",
    "Miljö- och byggnämnden", "Arbetsmarknadsnämnden", "Kultur- och fritidsnämnden",
    "Förvaltningsrätten i Luleå", "Kammarrätten i Göteborg", "Länsstyrelsen", "Swedbank",
    "Handelsbanken", "Nordea", "SEB", "Region Kalmar län", "Lillby Städ AB", "Omsorgsbolaget Trygg AB",
    "Byggtjänst i Norr AB", "Assistansgruppen Väst AB", "Norrby Bygg & Måleri AB",
    "Hemtjänst Plus AB", "Taxi Lillby AB", "Fastighets AB Lillbyhem", "Lillbyhem", "Vattenfall",
    "ICA Maxi", "Coop", "Postnord", "Telia", "Västerskolan", "Björkängens förskola",
    "Solgläntans äldreboende", "Lillby vårdcentral", "Akademiska sjukhuset", "BUP", "Komvux",
    "Röda Korset", "Stadsmissionen", "Hyresgästföreningen", "Kommunal", "Vision",
]

# ORGS by kind, by position: authorities, courts, banks and the region; companies; schools,
# care and associations.
INSTITUTIONS = ORGS[:25]
COMPANIES = ORGS[25:40]
SERVICES = ORGS[40:]

TRADES = """
Bygg Städ Transport Konsult Fastigheter Måleri Taxi Restaurang Omsorg Assistans Handel El VVS
Redovisning Åkeri Livs Frisör Bilverkstad Import Hemtjänst Entreprenad Tvätt Café Pizzeria
""".split()

STREETS = """
Storgatan Kyrkvägen Björkvägen Ängsvägen Skolgatan Järnvägsgatan Parkvägen Södra
Långgatan Tallvägen Granvägen Strandvägen Bäckvägen Industrigatan Kvarngatan Smedjegatan
""".split()

ROLES = [
    "socialsekreterare", "handläggare", "enhetschef", "biståndshandläggare", "LSS-handläggare",
    "nämndsekreterare", "registrator", "förvaltningschef", "utredare", "kontrollant",
    "familjebehandlare", "avgiftshandläggare", "skolkurator", "rektor", "samordnare",
]

RELATIONS = ["sonen", "dottern", "modern", "fadern", "maken", "makan", "sambon", "brodern",
             "systern", "mormor", "farfar", "kusinen", "grannen", "assistenten", "vännen"]
