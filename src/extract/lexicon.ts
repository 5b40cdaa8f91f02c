/**
 * Gazetteers and word lists of the genre: countries with their demonyms, cities, well-known
 * organizations with their acronyms, military ranks, title words, Vietnamese surnames and the
 * diacritic forms of well-known Vietnamese names. General knowledge, not facts of any one article.
 */

export interface CountryEntry {
  name: string;
  /** Other names and adjectives that refer to the country. */
  forms: string[];
  vi?: string;
}

export const COUNTRIES: CountryEntry[] = [
  { name: 'Vietnam', forms: ['Viet Nam', 'Việt Nam', 'Vietnamese', 'Socialist Republic of Vietnam', 'Socialist Republic of Viet Nam'], vi: 'Việt Nam' },
  { name: 'France', forms: ['French'] },
  { name: 'Germany', forms: ['German'] },
  { name: 'Poland', forms: ['Polish'] },
  { name: 'Hungary', forms: ['Hungarian'] },
  { name: 'Czech Republic', forms: ['Czechia', 'Czech'] },
  { name: 'Central African Republic', forms: ['CAR'] },
  { name: 'United States', forms: ['US', 'U.S.', 'USA', 'U.S.A.', 'United States of America', 'American', 'America'] },
  { name: 'United Kingdom', forms: ['UK', 'U.K.', 'Britain', 'Great Britain', 'British'] },
  { name: 'Republic of Korea', forms: ['RoK', 'ROK', 'South Korea', 'Korea', 'Korean', 'South Korean'] },
  { name: "Democratic People's Republic of Korea", forms: ['DPRK', 'North Korea', 'North Korean'] },
  { name: 'Japan', forms: ['Japanese'] },
  { name: 'China', forms: ['Chinese', "People's Republic of China", 'PRC'] },
  { name: 'Russia', forms: ['Russian', 'Russian Federation'] },
  { name: 'India', forms: ['Indian'] },
  { name: 'Australia', forms: ['Australian'] },
  { name: 'New Zealand', forms: ['New Zealander'] },
  { name: 'Canada', forms: ['Canadian'] },
  { name: 'Italy', forms: ['Italian'] },
  { name: 'Spain', forms: ['Spanish'] },
  { name: 'Netherlands', forms: ['Dutch', 'the Netherlands', 'Holland'] },
  { name: 'Belgium', forms: ['Belgian'] },
  { name: 'Sweden', forms: ['Swedish'] },
  { name: 'Norway', forms: ['Norwegian'] },
  { name: 'Denmark', forms: ['Danish'] },
  { name: 'Finland', forms: ['Finnish'] },
  { name: 'Austria', forms: ['Austrian'] },
  { name: 'Switzerland', forms: ['Swiss'] },
  { name: 'Portugal', forms: ['Portuguese'] },
  { name: 'Greece', forms: ['Greek', 'Hellenic Republic', 'Hellenic'] },
  { name: 'Ireland', forms: ['Irish'] },
  { name: 'Romania', forms: ['Romanian'] },
  { name: 'Bulgaria', forms: ['Bulgarian'] },
  { name: 'Slovakia', forms: ['Slovak'] },
  { name: 'Slovenia', forms: ['Slovenian'] },
  { name: 'Croatia', forms: ['Croatian'] },
  { name: 'Serbia', forms: ['Serbian'] },
  { name: 'Belarus', forms: ['Belarusian'] },
  { name: 'Ukraine', forms: ['Ukrainian'] },
  { name: 'Estonia', forms: ['Estonian'] },
  { name: 'Latvia', forms: ['Latvian'] },
  { name: 'Lithuania', forms: ['Lithuanian'] },
  { name: 'Luxembourg', forms: [] },
  { name: 'Malta', forms: ['Maltese'] },
  { name: 'Cyprus', forms: ['Cypriot'] },
  { name: 'Turkey', forms: ['Turkish', 'Türkiye'] },
  { name: 'Israel', forms: ['Israeli'] },
  { name: 'Iran', forms: ['Iranian'] },
  { name: 'Iraq', forms: ['Iraqi'] },
  { name: 'Egypt', forms: ['Egyptian'] },
  { name: 'Saudi Arabia', forms: ['Saudi'] },
  { name: 'United Arab Emirates', forms: ['UAE'] },
  { name: 'Qatar', forms: ['Qatari'] },
  { name: 'Kuwait', forms: ['Kuwaiti'] },
  { name: 'Pakistan', forms: ['Pakistani'] },
  { name: 'Bangladesh', forms: ['Bangladeshi'] },
  { name: 'Sri Lanka', forms: ['Sri Lankan'] },
  { name: 'Nepal', forms: ['Nepalese'] },
  { name: 'Mongolia', forms: ['Mongolian'] },
  { name: 'Kazakhstan', forms: ['Kazakh'] },
  { name: 'Uzbekistan', forms: ['Uzbek'] },
  { name: 'Laos', forms: ['Lao', 'Lao PDR', 'Laotian'] },
  { name: 'Cambodia', forms: ['Cambodian'] },
  { name: 'Thailand', forms: ['Thai'] },
  { name: 'Myanmar', forms: ['Burma', 'Myanmarese'] },
  { name: 'Malaysia', forms: ['Malaysian'] },
  { name: 'Singapore', forms: ['Singaporean'] },
  { name: 'Indonesia', forms: ['Indonesian'] },
  { name: 'Philippines', forms: ['Philippine', 'Filipino', 'the Philippines'] },
  { name: 'Brunei', forms: ['Bruneian', 'Brunei Darussalam'] },
  { name: 'Timor-Leste', forms: ['East Timor'] },
  { name: 'Cuba', forms: ['Cuban'] },
  { name: 'Brazil', forms: ['Brazilian'] },
  { name: 'Argentina', forms: ['Argentine', 'Argentinian'] },
  { name: 'Chile', forms: ['Chilean'] },
  { name: 'Mexico', forms: ['Mexican'] },
  { name: 'Venezuela', forms: ['Venezuelan'] },
  { name: 'South Africa', forms: ['South African'] },
  { name: 'Nigeria', forms: ['Nigerian'] },
  { name: 'Algeria', forms: ['Algerian'] },
  { name: 'Morocco', forms: ['Moroccan'] },
  { name: 'Mozambique', forms: ['Mozambican'] },
  { name: 'Angola', forms: ['Angolan'] },
  { name: 'Ethiopia', forms: ['Ethiopian'] },
  { name: 'South Sudan', forms: ['South Sudanese'] },
  { name: 'Sudan', forms: ['Sudanese'] },
  { name: 'Mali', forms: ['Malian'] },
  { name: 'Lebanon', forms: ['Lebanese'] },
  { name: 'Kenya', forms: ['Kenyan'] },
  { name: 'Peru', forms: ['Peruvian'] },
  { name: 'Jordan', forms: ['Jordanian', 'Hashemite Kingdom of Jordan'] },
  { name: 'Oman', forms: ['Omani', 'Sultanate of Oman'] },
  { name: 'Colombia', forms: ['Colombian'] },
  { name: 'Tanzania', forms: ['Tanzanian'] },
  { name: 'Ghana', forms: ['Ghanaian'] },
  { name: 'Senegal', forms: ['Senegalese'] },
  { name: 'Tunisia', forms: ['Tunisian'] },
  { name: 'Libya', forms: ['Libyan'] },
  { name: 'Bahrain', forms: ['Bahraini'] },
  { name: 'Syria', forms: ['Syrian'] },
  { name: 'Montenegro', forms: ['Montenegrin'] },
  { name: 'North Macedonia', forms: ['Macedonian'] },
  { name: 'Albania', forms: ['Albanian'] },
  { name: 'Bosnia and Herzegovina', forms: ['Bosnian'] },
  { name: 'Armenia', forms: ['Armenian'] },
  { name: 'Azerbaijan', forms: ['Azerbaijani'] },
  { name: 'Kyrgyzstan', forms: ['Kyrgyz'] },
  { name: 'Tajikistan', forms: ['Tajik'] },
  { name: 'Turkmenistan', forms: ['Turkmen'] },
  { name: 'Bhutan', forms: ['Bhutanese'] },
  { name: 'Maldives', forms: ['Maldivian'] },
  { name: 'Afghanistan', forms: ['Afghan'] },
  { name: 'Papua New Guinea', forms: [] },
  { name: 'Fiji', forms: ['Fijian'] },
  { name: 'Uruguay', forms: ['Uruguayan'] },
  { name: 'Paraguay', forms: ['Paraguayan'] },
  { name: 'Bolivia', forms: ['Bolivian'] },
  { name: 'Ecuador', forms: ['Ecuadorian'] },
  { name: 'Nicaragua', forms: ['Nicaraguan'] },
  { name: 'Panama', forms: ['Panamanian'] },
  { name: 'Iceland', forms: ['Icelandic'] },
];

export const CITIES: Array<{ name: string; country: string; forms?: string[]; vi?: string }> = [
  { name: 'Hanoi', country: 'Vietnam', forms: ['Ha Noi', 'Hà Nội'], vi: 'Hà Nội' },
  { name: 'Ho Chi Minh City', country: 'Vietnam', vi: 'Thành phố Hồ Chí Minh' },
  { name: 'Da Nang', country: 'Vietnam', forms: ['Danang'], vi: 'Đà Nẵng' },
  { name: 'Hai Phong', country: 'Vietnam', forms: ['Haiphong'], vi: 'Hải Phòng' },
  { name: 'Cam Ranh', country: 'Vietnam', vi: 'Cam Ranh' },
  { name: 'Hue', country: 'Vietnam', vi: 'Huế' },
  { name: 'Can Tho', country: 'Vietnam', vi: 'Cần Thơ' },
  { name: 'Nha Trang', country: 'Vietnam' },
  // Provinces and cities of Vietnam, as English-language articles write them (without diacritics).
  { name: 'Lao Cai', country: 'Vietnam' },
  { name: 'Lang Son', country: 'Vietnam' },
  { name: 'Cao Bang', country: 'Vietnam' },
  { name: 'Ha Giang', country: 'Vietnam' },
  { name: 'Dien Bien', country: 'Vietnam' },
  { name: 'Lai Chau', country: 'Vietnam' },
  { name: 'Son La', country: 'Vietnam' },
  { name: 'Quang Ninh', country: 'Vietnam' },
  { name: 'Khanh Hoa', country: 'Vietnam' },
  { name: 'Ba Ria-Vung Tau', country: 'Vietnam' },
  { name: 'Vung Tau', country: 'Vietnam' },
  { name: 'Kien Giang', country: 'Vietnam' },
  { name: 'Phu Quoc', country: 'Vietnam' },
  { name: 'Quang Ngai', country: 'Vietnam' },
  { name: 'Quang Nam', country: 'Vietnam' },
  { name: 'Quang Tri', country: 'Vietnam' },
  { name: 'Quang Binh', country: 'Vietnam' },
  { name: 'Nghe An', country: 'Vietnam' },
  { name: 'Thanh Hoa', country: 'Vietnam' },
  { name: 'Ha Tinh', country: 'Vietnam' },
  { name: 'Binh Dinh', country: 'Vietnam' },
  { name: 'Quy Nhon', country: 'Vietnam' },
  { name: 'Phu Yen', country: 'Vietnam' },
  { name: 'Ninh Thuan', country: 'Vietnam' },
  { name: 'Binh Thuan', country: 'Vietnam' },
  { name: 'Dak Lak', country: 'Vietnam' },
  { name: 'Gia Lai', country: 'Vietnam' },
  { name: 'Kon Tum', country: 'Vietnam' },
  { name: 'Lam Dong', country: 'Vietnam' },
  { name: 'Da Lat', country: 'Vietnam' },
  { name: 'Dong Nai', country: 'Vietnam' },
  { name: 'Binh Duong', country: 'Vietnam' },
  { name: 'Tay Ninh', country: 'Vietnam' },
  { name: 'Long An', country: 'Vietnam' },
  { name: 'An Giang', country: 'Vietnam' },
  { name: 'Dong Thap', country: 'Vietnam' },
  { name: 'Ca Mau', country: 'Vietnam' },
  { name: 'Bac Lieu', country: 'Vietnam' },
  { name: 'Soc Trang', country: 'Vietnam' },
  { name: 'Tra Vinh', country: 'Vietnam' },
  { name: 'Ben Tre', country: 'Vietnam' },
  { name: 'Tien Giang', country: 'Vietnam' },
  { name: 'Vinh Long', country: 'Vietnam' },
  { name: 'Hau Giang', country: 'Vietnam' },
  { name: 'Bac Ninh', country: 'Vietnam' },
  { name: 'Bac Giang', country: 'Vietnam' },
  { name: 'Thai Nguyen', country: 'Vietnam' },
  { name: 'Tuyen Quang', country: 'Vietnam' },
  { name: 'Yen Bai', country: 'Vietnam' },
  { name: 'Phu Tho', country: 'Vietnam' },
  { name: 'Vinh Phuc', country: 'Vietnam' },
  { name: 'Hoa Binh', country: 'Vietnam' },
  { name: 'Hai Duong', country: 'Vietnam' },
  { name: 'Hung Yen', country: 'Vietnam' },
  { name: 'Thai Binh', country: 'Vietnam' },
  { name: 'Nam Dinh', country: 'Vietnam' },
  { name: 'Ninh Binh', country: 'Vietnam' },
  { name: 'Ha Nam', country: 'Vietnam' },
  { name: 'Bac Kan', country: 'Vietnam' },
  { name: 'Dak Nong', country: 'Vietnam' },
  { name: 'Binh Phuoc', country: 'Vietnam' },
  { name: 'Ha Long', country: 'Vietnam' },
  { name: 'Hoi An', country: 'Vietnam' },
  { name: 'Con Dao', country: 'Vietnam' },
  { name: 'Truong Sa', country: 'Vietnam' },
  { name: 'Hoang Sa', country: 'Vietnam' },
  { name: 'Paris', country: 'France' },
  { name: 'Brussels', country: 'Belgium' },
  { name: 'Berlin', country: 'Germany' },
  { name: 'London', country: 'United Kingdom' },
  { name: 'Rome', country: 'Italy' },
  { name: 'Madrid', country: 'Spain' },
  { name: 'Warsaw', country: 'Poland' },
  { name: 'Prague', country: 'Czech Republic' },
  { name: 'Budapest', country: 'Hungary' },
  { name: 'Geneva', country: 'Switzerland' },
  { name: 'The Hague', country: 'Netherlands' },
  { name: 'Washington', country: 'United States', forms: ['Washington D.C.', 'Washington, D.C.'] },
  { name: 'New York', country: 'United States' },
  { name: 'Honolulu', country: 'United States' },
  { name: 'Tokyo', country: 'Japan' },
  { name: 'Seoul', country: 'Republic of Korea' },
  { name: 'Beijing', country: 'China' },
  { name: 'Moscow', country: 'Russia' },
  { name: 'New Delhi', country: 'India' },
  { name: 'Canberra', country: 'Australia' },
  { name: 'Wellington', country: 'New Zealand' },
  { name: 'Ottawa', country: 'Canada' },
  { name: 'Vientiane', country: 'Laos' },
  { name: 'Phnom Penh', country: 'Cambodia' },
  { name: 'Bangkok', country: 'Thailand' },
  { name: 'Naypyidaw', country: 'Myanmar', forms: ['Nay Pyi Taw'] },
  { name: 'Yangon', country: 'Myanmar' },
  { name: 'Kuala Lumpur', country: 'Malaysia' },
  { name: 'Jakarta', country: 'Indonesia' },
  { name: 'Manila', country: 'Philippines' },
  { name: 'Bandar Seri Begawan', country: 'Brunei' },
  { name: 'Dili', country: 'Timor-Leste' },
  { name: 'Havana', country: 'Cuba' },
  // Capitals and ports of the partners the genre reports on.
  { name: 'Minsk', country: 'Belarus' },
  { name: 'Sofia', country: 'Bulgaria' },
  { name: 'Vienna', country: 'Austria' },
  { name: 'Stockholm', country: 'Sweden' },
  { name: 'Oslo', country: 'Norway' },
  { name: 'Copenhagen', country: 'Denmark' },
  { name: 'Helsinki', country: 'Finland' },
  { name: 'Athens', country: 'Greece' },
  { name: 'Lisbon', country: 'Portugal' },
  { name: 'Bern', country: 'Switzerland' },
  { name: 'Amsterdam', country: 'Netherlands' },
  { name: 'Ankara', country: 'Turkey' },
  { name: 'Tel Aviv', country: 'Israel' },
  { name: 'Jerusalem', country: 'Israel' },
  { name: 'Cairo', country: 'Egypt' },
  { name: 'Abu Dhabi', country: 'United Arab Emirates' },
  { name: 'Dubai', country: 'United Arab Emirates' },
  { name: 'Riyadh', country: 'Saudi Arabia' },
  { name: 'Doha', country: 'Qatar' },
  { name: 'Tehran', country: 'Iran' },
  { name: 'Islamabad', country: 'Pakistan' },
  { name: 'Dhaka', country: 'Bangladesh' },
  { name: 'Colombo', country: 'Sri Lanka' },
  { name: 'Kathmandu', country: 'Nepal' },
  { name: 'Ulaanbaatar', country: 'Mongolia' },
  { name: 'Astana', country: 'Kazakhstan' },
  { name: 'Tashkent', country: 'Uzbekistan' },
  { name: 'Nairobi', country: 'Kenya' },
  { name: 'Amman', country: 'Jordan' },
  { name: 'Muscat', country: 'Oman' },
  { name: 'Valparaíso', country: 'Chile', forms: ['Valparaiso'] },
  { name: 'Bogotá', country: 'Colombia', forms: ['Bogota'] },
  { name: 'Dar es Salaam', country: 'Tanzania' },
  { name: 'Accra', country: 'Ghana' },
  { name: 'Dakar', country: 'Senegal' },
  { name: 'Tunis', country: 'Tunisia' },
  { name: 'Manama', country: 'Bahrain' },
  { name: 'Yerevan', country: 'Armenia' },
  { name: 'Baku', country: 'Azerbaijan' },
  { name: 'Bishkek', country: 'Kyrgyzstan' },
  { name: 'Dushanbe', country: 'Tajikistan' },
  { name: 'Port Moresby', country: 'Papua New Guinea' },
  { name: 'Suva', country: 'Fiji' },
  { name: 'Montevideo', country: 'Uruguay' },
  { name: 'Quito', country: 'Ecuador' },
  { name: 'Panama City', country: 'Panama' },
  { name: 'Kyiv', country: 'Ukraine' },
  { name: 'Bucharest', country: 'Romania' },
  { name: 'Belgrade', country: 'Serbia' },
  { name: 'Bratislava', country: 'Slovakia' },
  { name: 'Ljubljana', country: 'Slovenia' },
  { name: 'Zagreb', country: 'Croatia' },
  { name: 'Dublin', country: 'Ireland' },
  { name: 'Brasilia', country: 'Brazil' },
  { name: 'Buenos Aires', country: 'Argentina' },
  { name: 'Mexico City', country: 'Mexico' },
  { name: 'Caracas', country: 'Venezuela' },
  { name: 'Pretoria', country: 'South Africa' },
  { name: 'Abuja', country: 'Nigeria' },
  { name: 'Algiers', country: 'Algeria' },
  { name: 'Rabat', country: 'Morocco' },
  { name: 'Maputo', country: 'Mozambique' },
  { name: 'Luanda', country: 'Angola' },
  { name: 'Addis Ababa', country: 'Ethiopia' },
  { name: 'Juba', country: 'South Sudan' },
  { name: 'Bangui', country: 'Central African Republic' },
  { name: 'Khartoum', country: 'Sudan' },
  { name: 'Bamako', country: 'Mali' },
  { name: 'Beirut', country: 'Lebanon' },
  { name: 'Baghdad', country: 'Iraq' },
  { name: 'Kuwait City', country: 'Kuwait' },
  { name: 'Sydney', country: 'Australia' },
  { name: 'Melbourne', country: 'Australia' },
  { name: 'Darwin', country: 'Australia' },
  { name: 'Busan', country: 'Republic of Korea' },
  { name: 'Osaka', country: 'Japan' },
  { name: 'Yokosuka', country: 'Japan' },
  { name: 'Shanghai', country: 'China' },
  { name: 'Guangzhou', country: 'China' },
  { name: 'Kunming', country: 'China' },
  { name: 'Nanning', country: 'China' },
  { name: 'Vladivostok', country: 'Russia' },
  { name: 'Saint Petersburg', country: 'Russia' },
  { name: 'Mumbai', country: 'India' },
  { name: 'Kochi', country: 'India' },
  { name: 'Visakhapatnam', country: 'India' },
  { name: 'Chennai', country: 'India' },
  { name: 'Surabaya', country: 'Indonesia' },
  { name: 'Subic Bay', country: 'Philippines' },
  { name: 'Sihanoukville', country: 'Cambodia' },
  { name: 'Penang', country: 'Malaysia' },
  { name: 'Lumut', country: 'Malaysia' },
  { name: 'Luang Prabang', country: 'Laos' },
  { name: 'Pakse', country: 'Laos' },
  { name: 'Siem Reap', country: 'Cambodia' },
];

export interface OrgEntry {
  name: string;
  acronym?: string;
  forms: string[];
  country?: string;
  parent?: string;
}

/** Well-known international bodies and mechanisms, with the forms news articles use. */
export const KNOWN_ORGANIZATIONS: OrgEntry[] = [
  { name: 'European Union', acronym: 'EU', forms: ['E.U.', 'European Union'] },
  { name: 'United Nations', acronym: 'UN', forms: ['U.N.', 'United Nations'] },
  { name: 'UN Security Council', acronym: 'UNSC', forms: ['United Nations Security Council', 'U.N. Security Council', 'Security Council'], parent: 'United Nations' },
  { name: 'Association of Southeast Asian Nations', acronym: 'ASEAN', forms: ['Association of South East Asian Nations'] },
  { name: 'North Atlantic Treaty Organization', acronym: 'NATO', forms: [] },
  { name: 'European External Action Service', acronym: 'EEAS', forms: [], parent: 'European Union' },
  { name: 'European Commission', forms: [], parent: 'European Union' },
  { name: 'European Council', forms: [], parent: 'European Union' },
  { name: 'European Parliament', forms: [], parent: 'European Union' },
  { name: 'ASEAN Defence Ministers Meeting', acronym: 'ADMM', forms: ["ASEAN Defence Ministers' Meeting", 'ASEAN Defense Ministers Meeting', "ASEAN Defense Ministers' Meeting"], parent: 'Association of Southeast Asian Nations' },
  { name: 'ASEAN Defence Ministers Meeting Plus', acronym: 'ADMM Plus', forms: ['ADMM+', 'ADMM-Plus', "ASEAN Defence Ministers' Meeting Plus", 'ASEAN Defense Ministers Meeting Plus'], parent: 'Association of Southeast Asian Nations' },
  { name: "ASEAN Defence Senior Officials' Meeting", acronym: 'ADSOM', forms: ['ASEAN Defence Senior Officials Meeting', "ASEAN Defense Senior Officials' Meeting"], parent: 'Association of Southeast Asian Nations' },
  { name: 'ADSOM Plus', acronym: 'ADSOM Plus', forms: ['ADSOM+', 'ADSOM-Plus'], parent: 'Association of Southeast Asian Nations' },
  { name: "ASEAN Defence Senior Officials' Meeting Working Group", acronym: 'ADSOM WG', forms: ['ADSOM Working Group'], parent: 'Association of Southeast Asian Nations' },
  { name: 'ASEAN Regional Forum', acronym: 'ARF', forms: [], parent: 'Association of Southeast Asian Nations' },
  { name: 'East Asia Summit', acronym: 'EAS', forms: [] },
  { name: 'Shangri-La Dialogue', forms: [] },
  { name: 'Ministry of National Defence', acronym: 'MND', forms: ['Ministry of National Defense', 'MoND', 'Vietnamese Ministry of National Defence', 'Vietnam Ministry of National Defence', 'Vietnam People\'s Army', 'MOND'], country: 'Vietnam' },
  { name: "Vietnam People's Army", acronym: 'VPA', forms: ["Vietnamese People's Army"], country: 'Vietnam' },
  { name: "Vietnam People's Navy", acronym: 'VPN', forms: ["Vietnamese People's Navy", 'Vietnam Navy', 'Vietnamese Navy'], country: 'Vietnam' },
  { name: "Vietnam People's Air Force", forms: ["Vietnamese People's Air Force", 'Vietnam Air Defence - Air Force'], country: 'Vietnam' },
  { name: 'Vietnam Coast Guard', forms: ['Vietnamese Coast Guard'], country: 'Vietnam' },
  { name: 'Vietnam Border Guard', forms: ['Vietnamese Border Guard', 'Vietnam Border Defence Force'], country: 'Vietnam' },
  // National armed forces known by one word.
  { name: 'Bundeswehr', forms: ['German Armed Forces'], country: 'Germany' },
  { name: 'Tatmadaw', forms: ['Myanmar Armed Forces'], country: 'Myanmar' },
  { name: "Lao People's Army", acronym: 'LPA', forms: ["Lao People's Armed Forces"], country: 'Laos' },
  { name: 'Vietnam Department of Peacekeeping Operations', acronym: 'VNDPKO', forms: ['Department of Peacekeeping Operations'], country: 'Vietnam', parent: 'Ministry of National Defence' },
  // Armed forces and commands that articles name by their acronyms.
  { name: 'Japan Maritime Self-Defense Force', acronym: 'JMSDF', forms: ['Japan Maritime Self-Defence Force', 'Japanese Maritime Self-Defense Force'], country: 'Japan' },
  { name: 'Japan Ground Self-Defense Force', acronym: 'JGSDF', forms: ['Japan Ground Self-Defence Force'], country: 'Japan' },
  { name: 'Japan Air Self-Defense Force', acronym: 'JASDF', forms: ['Japan Air Self-Defence Force'], country: 'Japan' },
  { name: 'Japan Coast Guard', acronym: 'JCG', forms: [], country: 'Japan' },
  { name: "People's Liberation Army Navy", forms: ['PLA Navy'], country: 'China' },
  { name: 'Royal Australian Navy', acronym: 'RAN', forms: [], country: 'Australia' },
  { name: 'Royal New Zealand Navy', acronym: 'RNZN', forms: [], country: 'New Zealand' },
  { name: 'Royal Malaysian Navy', acronym: 'RMN', forms: [], country: 'Malaysia' },
  { name: 'US Indo-Pacific Command', acronym: 'INDOPACOM', forms: ['U.S. Indo-Pacific Command', 'United States Indo-Pacific Command', 'USINDOPACOM'], country: 'United States' },
  { name: 'International Committee of the Red Cross', acronym: 'ICRC', forms: [] },
  { name: 'AUKUS', forms: [] },
  { name: 'US Congress', forms: ['U.S. Congress', 'United States Congress', 'Congress of the United States'], country: 'United States' },
  { name: 'US Senate', forms: ['U.S. Senate', 'United States Senate'], country: 'United States' },
  { name: 'US Department of Defense', acronym: 'DoD', forms: ['U.S. Department of Defense', 'United States Department of Defense', 'Pentagon'], country: 'United States' },
  { name: 'World Health Organization', acronym: 'WHO', forms: [] },
  { name: 'Communist Party of Vietnam', acronym: 'CPV', forms: [], country: 'Vietnam' },
];

/** Acronyms that name news agencies, formats or other non-actors: never organizations. */
export const NOT_ORGANIZATIONS = new Set(['VNA', 'VOV', 'VOVWORLD', 'VNS', 'VNP', 'QDND', 'AFP', 'AP', 'TASS', 'RIA', 'XINHUA', 'KYODO', 'YONHAP', 'BERNAMA', 'ANTARA', 'PNA', 'DPA', 'KPL', 'AKP', 'APS', 'SPA', 'ANI', 'PTI', 'IANS', 'REUTERS', 'CNA', 'KUNA', 'WAM', 'BSS', 'COVID', 'UNCLOS', 'FPA', 'MOU', 'TV', 'PM', 'HE', 'DPKO', 'PASSEX']);

/** Military and civil ranks and honorifics, longest first when matched. */
export const RANKS = [
  'Senior Lieutenant General', 'Sen. Lieut. Gen.', 'Sen. Lieut. Gen', 'Sen Lieut Gen', 'Sen. Lt. Gen.', 'Sen. Lt. Gen', 'Sen Lt Gen', 'Lieutenant General', 'Lieut. Gen.', 'Lt. Gen.', 'Lt Gen',
  'Major General', 'Maj. Gen.', 'Maj Gen', 'Brigadier General', 'Brig. Gen.', 'General of the Army', 'General', 'Gen.',
  'Senior Colonel', 'Sen. Col.', 'Lieutenant Colonel', 'Lt. Col.', 'Colonel', 'Col.', 'Major', 'Maj.', 'Captain', 'Capt.',
  'Admiral', 'Vice Admiral', 'Rear Admiral', 'Adm.', 'Vice Adm.', 'Rear Adm.', 'Air Chief Marshal', 'Air Marshal', 'Air Vice Marshal',
  'Commodore', 'First Admiral', 'Field Marshal', 'Lieutenant', 'Lt.', 'Colonel General', 'Army General', 'Army Corps General', 'Division General', 'Brigade General', 'Fleet Admiral', 'Admiral of the Fleet',
  'Rear-Admiral', 'Vice-Admiral', 'Lieutenant-General', 'Major-General', 'Lieutenant-Colonel', 'Brigadier-General',
  'Group Captain', 'Wing Commander', 'Squadron Leader', 'Brigadier', 'Lieutenant Commander', 'Lt. Cdr.', 'Lt. Cmdr.', 'Lt Cdr', 'Cmdr.', 'Cdr.', 'Cmdr', 'Cdr',
  'Dr.', 'Dr', 'Prof.', 'Professor', 'Mr.', 'Mr', 'Mrs.', 'Mrs', 'Ms.', 'Ms', 'Madam', 'Sir', 'H.E.',
  // Indian honorifics before a name ("Raksha Mantri Shri X").
  'Shri', 'Smt.', 'Smt',
  // Malaysian and Bruneian honorifics before a name.
  'Tan Sri', 'Datuk Seri', 'Dato\' Seri', 'Dato Seri', 'Dato\' Sri', 'Dato Sri', 'Datuk', 'Dato\'', 'Dato', 'Pehin', 'Dato Paduka',
  // Australian and British styles: "the Hon Richard Marles MP".
  'Hon.', 'Hon', 'Rt Hon',
];

/** Canonical form of a rank as written. */
export function canonicalRank(rank: string): string {
  const r = rank.replace(/\s+/g, ' ').trim();
  const map: Record<string, string> = {
    'Sen. Lieut. Gen.': 'Senior Lieutenant General', 'Sen. Lieut. Gen': 'Senior Lieutenant General', 'Sen Lieut Gen': 'Senior Lieutenant General',
    'Sen. Lt. Gen.': 'Senior Lieutenant General', 'Sen. Lt. Gen': 'Senior Lieutenant General', 'Sen Lt Gen': 'Senior Lieutenant General',
    'Lieut. Gen.': 'Lieutenant General', 'Lt. Gen.': 'Lieutenant General', 'Lt Gen': 'Lieutenant General',
    'Maj. Gen.': 'Major General', 'Maj Gen': 'Major General', 'Brig. Gen.': 'Brigadier General', 'Gen.': 'General',
    'Sen. Col.': 'Senior Colonel', 'Lt. Col.': 'Lieutenant Colonel', 'Col.': 'Colonel', 'Maj.': 'Major', 'Capt.': 'Captain',
    'Adm.': 'Admiral', 'Vice Adm.': 'Vice Admiral', 'Rear Adm.': 'Rear Admiral', 'Lt.': 'Lieutenant',
    'Lt. Cdr.': 'Lieutenant Commander', 'Lt. Cmdr.': 'Lieutenant Commander', 'Lt Cdr': 'Lieutenant Commander', 'Cmdr.': 'Commander', 'Cdr.': 'Commander', Cmdr: 'Commander', Cdr: 'Commander',
    'Dr': 'Dr.', 'Prof.': 'Professor', Mr: 'Mr.', Mrs: 'Mrs.', Ms: 'Ms.',
    'Rear-Admiral': 'Rear Admiral', 'Vice-Admiral': 'Vice Admiral', 'Lieutenant-General': 'Lieutenant General', 'Major-General': 'Major General',
    'Lieutenant-Colonel': 'Lieutenant Colonel', 'Brigadier-General': 'Brigadier General',
  };
  return map[r] ?? r;
}

/** Honorifics are ranks that say nothing of office; they are kept as written but never as a title. */
export const HONORIFICS = new Set(['Dr.', 'Professor', 'Mr.', 'Mrs.', 'Ms.', 'Madam', 'Sir', 'H.E.', 'Tan Sri', 'Datuk Seri', 'Dato\' Seri', 'Dato Seri', 'Dato\' Sri', 'Dato Sri', 'Datuk', 'Dato\'', 'Dato', 'Pehin', 'Dato Paduka', 'Hon.', 'Hon', 'Rt Hon']);

/** Words that head a position ("Deputy Minister", "Director General", "Head"). */
export const POSITION_HEADS = [
  // Offices named with "of", longest first: "Chief of Defence Force" is a title, not a body.
  'Chief of Defence Forces', 'Chief of Defence Force', 'Chief of the Defence Force', 'Chief of Defence', 'Chief of the General Staff', 'Chief of General Staff',
  'Flag Officer Commanding-in-Chief', 'Flag Officer Commanding', 'Commanding Officer',
  'Chief of Staff', 'Chief of Naval Staff', 'Chief of Army Staff', 'Chief of Air Staff', 'Chief of Naval Operations',
  'Ambassador Extraordinary and Plenipotentiary', 'Raksha Rajya Mantri', 'Raksha Mantri', 'Consul General', 'Consul-General', "Chargé d'Affaires", "Charge d'Affaires", 'Political Commissar', 'Commissar',
  'Minister', 'Secretary', 'Director', 'Chief', 'Head', 'Commander', 'Ambassador', 'President', 'Vice President',
  'Surgeon General', 'Chairman', 'Chairwoman', 'Chair', 'Envoy', 'Attaché', 'Attache', 'Representative', 'Counsellor', 'Counselor', 'Advisor', 'Adviser',
  'Premier', 'Chancellor', 'Governor', 'Commandant', 'Spokesperson', 'Spokesman', 'Undersecretary', 'Under Secretary', 'Commissioner', 'Officer',
  'Inspector', 'Coordinator', 'Leader', 'Senator', 'Congressman', 'Congresswoman', 'Lawmaker', 'Legislator', 'Commander-in-Chief', 'Councilor', 'Councillor', 'Counsellor', 'General Secretary', 'Secretary General', 'Secretary-General', 'Prime Minister', 'Deputy', 'Vice',
];

/** Capitalised words that belong to titles, organizations and places, never to a person's name. */
export const NON_NAME_WORDS = new Set(
  ('First Shri Smt Raksha Mantri Chiefs Staffs Information Embassy Majesty Highness Excellency Executive Officer Officers Headquarters Government Kingdom Hon King Queen Minister Ministry Deputy Vice Senior Lieutenant General Gen Sen Lieut Major Colonel Col Admiral Rear Captain Capt Cmdr Cdr Commodore Brigadier Marshal Commandant Sergeant Director Chief Head Secretary State ' +
    'President Prime Party Chairman Chair Commander Ambassador Envoy Representative High Assistant Under Defence Defense National International ' +
    'Relations Strategy Strategic Foreign Affairs Security Policy Armed Forces Force Army Navy Air Naval Military Staff Department Division Institute ' +
    'Service Services European Union Commission Council Committee Joint Cooperation Partnership Republic People Peoples Democratic Socialist Federal ' +
    'Kingdom United Nations Asian Asia Pacific Southeast South North East West Central Southern Northern Office Agency Academy University College ' +
    'Command Corps Guard Coast Border Public Police Intelligence General-Secretary Director-General Dr Mr Mrs Ms Madam Sir Professor Prof His Her ' +
    'Excellency The A An At In On Of For And With By From To During After Before Also But As This That These Those Both Two Vietnamese Vietnam ' +
    'Minister-Counsellor Attaché Attache Task Management Operations Operation Training Mission Plan Programme Program Framework Agreement ' +
    'Memorandum Understanding Convention Treaty Charter Declaration Statement Vision Letter Intent Agenda Protocol Dialogue Conference Meeting ' +
    'Summit Forum Talks Visit Reception Teleconference Photo Source Scene Translated January February March April May June July August September ' +
    'October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Plus Working Group Chairmanship Counterpart Delegation ' +
    'Government Communist Central Standing Permanent Politburo Secretariat Front Fatherland Assembly Legislative Congress Senate Parliament Cabinet ' +
    'Crisis Common Human Rights Law Sea Women Peace Agenda Universal Comprehensive Enhanced Regional Global World Global Marine Maritime ' +
    'Self-Defence Self-Defense Logistics Technical Economic Science Technology Industry Medical Medicine Health Hospital Officer Officers ' +
    'Navies Armies Ministries Sides Militaries School Course Seminar Workshop Symposium Exhibition Expo Festival Ceremony Partnerships NATO ASEAN EU UN US UK VNA Lieut. Gen. Col. Maj. Sen. Adm. Capt. Cmdr. Cdr. Lt. Brig. Inspector Commissar Political Generals Admirals ' +
    'Later Earlier Meanwhile Previously Afterwards However Additionally Moreover Furthermore Accordingly Besides Then Today Yesterday ' +
    'Recently Currently Separately Lastly Finally Subsequently Speaking According Regarding Notably Also Thereby Therefore Overall ' +
    'Parliamentary Federal Special Principal Acting Associate Undersecretary Marshal Commodore Senator Congressman Congresswoman Lawmaker ' +
    'Commander-in-Chief Councilor Councillor Attache Frigate Corvette Destroyer Submarine Cruiser Vessel Ship HMS USS ' +
    'Ministers Ministerial Strategic Bilateral Multilateral Trilateral Annual Joint Defence Defense Consultation Consultations Exercise Exercises Patrol Expo Exhibition Retreat ' +
    'Chargé Charge Affaires d\'Affaires Production Procurement Acquisition Ordnance Industries Aerospace Aviation Shipbuilding Personnel Planning Plans Readiness Veterans')
    .split(/\s+/),
);

/** Vietnamese family names (without diacritics): a capitalised run starting with one is a person's name. */
export const VIETNAMESE_SURNAMES = new Set(
  ('Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly Phung Trinh Dinh Mai Truong Lam Luong Ta Cao Doan Ha Quach Chu Thai ' +
    'Kieu Luu Trieu Tong La Diep Lai Lu Au Thach Tang Giang Khong Lo Nong Vuong Tieu Mac Dam Chau Hua Quan Doan Ong Hau To Van Lieu')
    .split(' '),
);

/** Diacritic forms of Vietnamese names of public figures that recur in the genre. */
export const VIETNAMESE_NAMES: Record<string, string> = {
  'Nguyen Chi Vinh': 'Nguyễn Chí Vịnh',
  'Ngo Xuan Lich': 'Ngô Xuân Lịch',
  'Phung Quang Thanh': 'Phùng Quang Thanh',
  'Phan Van Giang': 'Phan Văn Giang',
  'Hoang Xuan Chien': 'Hoàng Xuân Chiến',
  'Nguyen Phu Trong': 'Nguyễn Phú Trọng',
  'Nguyen Xuan Phuc': 'Nguyễn Xuân Phúc',
  'Pham Minh Chinh': 'Phạm Minh Chính',
  'Vo Van Thuong': 'Võ Văn Thưởng',
  'To Lam': 'Tô Lâm',
  'Nguyen Tan Cuong': 'Nguyễn Tân Cương',
  'Vu Chien Thang': 'Vũ Chiến Thắng',
  'Vu Cuong Quyet': 'Vũ Cương Quyết',
  'Pham Tan Phong': 'Phạm Tấn Phong',
  'Le Huy Vinh': 'Lê Huy Vịnh',
  'Tran Quang Phuong': 'Trần Quang Phương',
  'Tran Dai Quang': 'Trần Đại Quang',
  'Nguyen Tan Dung': 'Nguyễn Tấn Dũng',
  'Pham Binh Minh': 'Phạm Bình Minh',
  'Bui Thanh Son': 'Bùi Thanh Sơn',
  'Nguyen Phuong Nga': 'Nguyễn Phương Nga',
  'Luong Cuong': 'Lương Cường',
  'Nguyen Truong Thang': 'Nguyễn Trường Thắng',
  'Tran Viet Khoa': 'Trần Việt Khoa',
  'Vu Hai San': 'Vũ Hải Sản',
  'Hoang Trung': 'Hoàng Trung',
};

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4,
  '5th': 5, '6th': 6, '7th': 7, '8th': 8, '9th': 9, '10th': 10, '11th': 11, '12th': 12, '13th': 13, '14th': 14, '15th': 15,
};

/** The number an ordinal word gives ("fifth", "18th"), or undefined. */
export function ordinalOf(word: string): number | undefined {
  const w = word.toLowerCase();
  return ORDINALS[w] ?? (/^(\d{1,3})(?:st|nd|rd|th)$/.test(w) ? parseInt(w, 10) : undefined);
}

/** Common English words of the genre, used to split words that scraping glued together. */
export const COMMON_WORDS: string[] = (
  'a about above across after again against all also always among an and another any are area areas armed army as at away back based basis be ' +
  'because been before being below between both bring build building but by can capacity carry challenges close commitment commitments common ' +
  'concrete consented continue contribute contributing cooperate cooperation cooperative countries country cover covering crimes crisis cyber ' +
  'day defence defense development did do does during each effective effectively efforts engagement enhance ensure establish even every ' +
  'exchange exchanged experience field fields fighting following for forces forms framework free from further global had has have he help ' +
  'helping her here high his hold how human implement implementation in including international into is issues it its join joined jurisdiction ' +
  'just law level like maintain management many mechanisms military ministry more most multilateral must mutual national navigation new no ' +
  'non not of on one only open or order organised other our out over own partnership peace people piracy pledged policy post principles ' +
  'promote protect reach region regional relations rescue resolutions right rights said search sea security set shared should side sides since ' +
  'smugglers so some space sphere stability stable stepping strategy strengthen such support system than that the their them then there these ' +
  'they this those through thus to towards traditional training two under understanding up upon views was we well were what when where which ' +
  'while who will wish with within would year years approaches adopted affairs agreed agreement aviation backed beef carry charter cyberspace ' +
  'declaration development effectively exchanged freedom hands humanitarian increase intensify jointly law multilateralisation multilateralization ' +
  'officials outcomes realisation realization settling strategy stepping universal wish asia european union vietnam hanoi charter convention ' +
  'nations united sea commission president representative foreign meeting met minister general colonel deputy director head chief ' +
  'agreed affirmed stressed noted hoped highlighted welcomed suggested proposed lauded discussed reviewed signed inked concluded held ' +
  'visited hosted received talked attended chaired co-chaired expressed voiced thanked congratulated invited accepted emphasised emphasized'
).split(/\s+/);

/** Words for a ship or a group of ships (a RegExp source), and the prefixes navies put before a ship's name ("INS", "HMNZS"). */
export const SHIP_NOUNS = '(?:(?:naval|training|patrol|hospital|survey|research)\\s+)?(?:ships?|vessels?|frigates?|corvettes?|destroyers?|submarines?|cruisers?|cutters?|warships?|squadron|flotilla|task group)';
export const SHIP_PREFIXES = ['HMS', 'HMAS', 'HMNZS', 'HMCS', 'USS', 'USNS', 'USCGC', 'INS', 'JS', 'KRI', 'ROKS', 'BRP', 'RSS', 'HTMS', 'KD', 'KDB', 'FS', 'ITS', 'SPS', 'ESPS',
  'TCG', 'PNS', 'BNS', 'SLNS', 'CNS', 'RFS', 'HNLMS', 'HDMS', 'HNoMS', 'HSwMS', 'FGS', 'ORP', 'NRP', 'BAP', 'ARC', 'ARA', 'ROCS', 'UMS', 'CSB', 'VPNS', 'ICGS'];
/** The country whose navy (or coast guard) puts each prefix before its ships' names. */
export const SHIP_PREFIX_COUNTRY: Record<string, string> = {
  HMS: 'United Kingdom', HMAS: 'Australia', HMNZS: 'New Zealand', HMCS: 'Canada', USS: 'United States', USNS: 'United States',
  USCGC: 'United States', INS: 'India', JS: 'Japan', KRI: 'Indonesia', ROKS: 'Republic of Korea', BRP: 'Philippines', RSS: 'Singapore',
  HTMS: 'Thailand', KD: 'Malaysia', KDB: 'Brunei', FS: 'France', ITS: 'Italy', SPS: 'Spain', ESPS: 'Spain', TCG: 'Turkey',
  PNS: 'Pakistan', BNS: 'Bangladesh', SLNS: 'Sri Lanka', RFS: 'Russia', HNLMS: 'Netherlands', HDMS: 'Denmark', HNoMS: 'Norway',
  HSwMS: 'Sweden', FGS: 'Germany', ORP: 'Poland', NRP: 'Portugal', ARA: 'Argentina', UMS: 'Myanmar', CSB: 'Vietnam', VPNS: 'Vietnam', ICGS: 'India',
};
