package org.fugitivetracker.synthetic;

import java.nio.charset.StandardCharsets;

import org.fugitivetracker.fugitive.NameRomaniser;

/**
 * The words synthetic records are made of. Names are built from common Chinese surname and
 * given-name characters with their pinyin; places are real provinces and cities; positions are
 * generic titles that name no real organisation. The weights are a synthetic skew, not statistics:
 * destinations lean on the four countries the seed article calls the major destinations (the U.S.,
 * Canada, Australia and New Zealand), then a tail of others.
 *
 * <p>
 * Every string is kept pre-encoded for PostgreSQL's COPY text format, so writing a row copies
 * bytes instead of encoding characters.
 */
final class Vocabulary {

	/** Appended to every synthetic Latin name, so a synthetic row is recognisable wherever it ends up (CSV, API, screenshots). */
	static final String NAME_MARK = " (synthetic)";

	/** Surname character, its pinyin; listed by rough frequency, weighted by rank (a Zipf-like skew). */
	static final String[][] SURNAMES = { { "王", "Wang" }, { "李", "Li" }, { "张", "Zhang" }, { "刘", "Liu" },
			{ "陈", "Chen" }, { "杨", "Yang" }, { "黄", "Huang" }, { "赵", "Zhao" }, { "吴", "Wu" }, { "周", "Zhou" },
			{ "徐", "Xu" }, { "孙", "Sun" }, { "马", "Ma" }, { "朱", "Zhu" }, { "胡", "Hu" }, { "郭", "Guo" },
			{ "何", "He" }, { "林", "Lin" }, { "高", "Gao" }, { "罗", "Luo" }, { "郑", "Zheng" }, { "梁", "Liang" },
			{ "谢", "Xie" }, { "宋", "Song" }, { "唐", "Tang" }, { "许", "Xu" }, { "韩", "Han" }, { "冯", "Feng" },
			{ "邓", "Deng" }, { "曹", "Cao" }, { "彭", "Peng" }, { "曾", "Zeng" }, { "肖", "Xiao" }, { "田", "Tian" },
			{ "董", "Dong" }, { "袁", "Yuan" }, { "潘", "Pan" }, { "于", "Yu" }, { "蒋", "Jiang" }, { "蔡", "Cai" },
			{ "余", "Yu" }, { "杜", "Du" }, { "叶", "Ye" }, { "程", "Cheng" }, { "苏", "Su" }, { "魏", "Wei" },
			{ "吕", "Lyu" }, { "丁", "Ding" }, { "任", "Ren" }, { "沈", "Shen" }, { "姚", "Yao" }, { "卢", "Lu" },
			{ "姜", "Jiang" }, { "崔", "Cui" }, { "钟", "Zhong" }, { "谭", "Tan" }, { "陆", "Lu" }, { "汪", "Wang" },
			{ "范", "Fan" }, { "金", "Jin" }, { "石", "Shi" }, { "廖", "Liao" }, { "贾", "Jia" }, { "夏", "Xia" },
			{ "韦", "Wei" }, { "付", "Fu" }, { "方", "Fang" }, { "白", "Bai" }, { "邹", "Zou" }, { "孟", "Meng" },
			{ "熊", "Xiong" }, { "秦", "Qin" }, { "邱", "Qiu" }, { "江", "Jiang" }, { "尹", "Yin" }, { "薛", "Xue" },
			{ "闫", "Yan" }, { "段", "Duan" }, { "雷", "Lei" }, { "侯", "Hou" }, { "龙", "Long" }, { "史", "Shi" },
			{ "陶", "Tao" }, { "黎", "Li" }, { "贺", "He" }, { "顾", "Gu" }, { "毛", "Mao" }, { "郝", "Hao" },
			{ "龚", "Gong" }, { "邵", "Shao" }, { "万", "Wan" }, { "钱", "Qian" }, { "严", "Yan" }, { "武", "Wu" },
			{ "戴", "Dai" }, { "莫", "Mo" }, { "孔", "Kong" }, { "向", "Xiang" }, { "汤", "Tang" } };

	/** Given-name characters more often given to men; none starts with a vowel, so pinyin needs no apostrophe. */
	static final String[][] GIVEN_MALE = { { "伟", "wei" }, { "强", "qiang" }, { "磊", "lei" }, { "军", "jun" },
			{ "勇", "yong" }, { "杰", "jie" }, { "涛", "tao" }, { "明", "ming" }, { "超", "chao" }, { "刚", "gang" },
			{ "平", "ping" }, { "辉", "hui" }, { "鹏", "peng" }, { "华", "hua" }, { "飞", "fei" }, { "鑫", "xin" },
			{ "波", "bo" }, { "斌", "bin" }, { "宇", "yu" }, { "浩", "hao" }, { "凯", "kai" }, { "健", "jian" },
			{ "俊", "jun" }, { "帆", "fan" }, { "旭", "xu" }, { "宁", "ning" }, { "龙", "long" }, { "林", "lin" },
			{ "建", "jian" }, { "国", "guo" }, { "文", "wen" }, { "志", "zhi" }, { "海", "hai" }, { "东", "dong" },
			{ "成", "cheng" }, { "亮", "liang" }, { "新", "xin" }, { "德", "de" }, { "庆", "qing" }, { "荣", "rong" },
			{ "生", "sheng" }, { "福", "fu" }, { "祥", "xiang" }, { "卫", "wei" }, { "忠", "zhong" }, { "民", "min" },
			{ "永", "yong" }, { "光", "guang" }, { "峰", "feng" }, { "立", "li" }, { "宏", "hong" }, { "振", "zhen" },
			{ "学", "xue" }, { "春", "chun" }, { "金", "jin" }, { "山", "shan" }, { "晓", "xiao" }, { "中", "zhong" } };

	/** Given-name characters more often given to women. */
	static final String[][] GIVEN_FEMALE = { { "芳", "fang" }, { "娜", "na" }, { "敏", "min" }, { "静", "jing" },
			{ "丽", "li" }, { "艳", "yan" }, { "娟", "juan" }, { "秀", "xiu" }, { "霞", "xia" }, { "英", "ying" },
			{ "玲", "ling" }, { "桂", "gui" }, { "兰", "lan" }, { "梅", "mei" }, { "琴", "qin" }, { "燕", "yan" },
			{ "婷", "ting" }, { "雪", "xue" }, { "慧", "hui" }, { "颖", "ying" }, { "洁", "jie" }, { "萍", "ping" },
			{ "红", "hong" }, { "玉", "yu" }, { "华", "hua" }, { "云", "yun" }, { "凤", "feng" }, { "莉", "li" },
			{ "倩", "qian" }, { "淑", "shu" }, { "珍", "zhen" }, { "晶", "jing" }, { "欣", "xin" }, { "佳", "jia" } };

	/** Province, city (null: the record gives only the province). */
	static final String[][] PLACES = { { "Zhejiang", "Wenzhou" }, { "Zhejiang", "Hangzhou" }, { "Zhejiang", "Ningbo" },
			{ "Zhejiang", null }, { "Guangdong", "Guangzhou" }, { "Guangdong", "Shenzhen" }, { "Guangdong", "Dongguan" },
			{ "Guangdong", null }, { "Jiangsu", "Nanjing" }, { "Jiangsu", "Suzhou" }, { "Jiangsu", null },
			{ "Fujian", "Xiamen" }, { "Fujian", "Fuzhou" }, { "Fujian", null }, { "Henan", "Zhengzhou" },
			{ "Henan", null }, { "Shandong", "Jinan" }, { "Shandong", "Qingdao" }, { "Shandong", null },
			{ "Hebei", "Shijiazhuang" }, { "Hebei", null }, { "Hunan", "Changsha" }, { "Hubei", "Wuhan" },
			{ "Sichuan", "Chengdu" }, { "Liaoning", "Shenyang" }, { "Liaoning", "Dalian" }, { "Jilin", "Changchun" },
			{ "Heilongjiang", "Harbin" }, { "Anhui", "Hefei" }, { "Jiangxi", "Nanchang" }, { "Shanxi", "Taiyuan" },
			{ "Shaanxi", "Xi'an" }, { "Yunnan", "Kunming" }, { "Guizhou", "Guiyang" }, { "Guangxi", "Nanning" },
			{ "Hainan", "Haikou" }, { "Gansu", "Lanzhou" }, { "Inner Mongolia", "Hohhot" }, { "Beijing", null },
			{ "Shanghai", null }, { "Tianjin", null }, { "Chongqing", null } };

	/** Generic former positions: a rank and a kind of body, never a named organisation. */
	static final String[] POSITIONS = { "Deputy mayor", "Mayor", "County Party secretary", "County magistrate",
			"Deputy director of a provincial transport department", "Director of a municipal land resources bureau",
			"General manager of a state-owned enterprise", "Chairman of a state-owned construction group",
			"President of a state-owned bank branch", "Head of a municipal finance bureau",
			"Deputy head of a provincial development commission", "Director of a municipal planning bureau",
			"Township Party secretary", "Director of a customs office", "Head of a state-owned trading company",
			"Accountant of a state-owned enterprise", "Deputy general manager of a state-owned power company",
			"Director of a municipal housing authority" };

	/** Destination country code (its names are reference data in V7__synthetic_support.sql), weight. */
	static final Object[][] DESTINATIONS = { { "US", 30.0 }, { "CA", 17.0 }, { "AU", 13.0 }, { "NZ", 5.0 },
			{ "TH", 4.0 }, { "SG", 3.0 }, { "MY", 3.0 }, { "GB", 3.0 }, { "PH", 2.0 }, { "ID", 2.0 }, { "JP", 2.0 },
			{ "KR", 2.0 }, { "VN", 1.0 }, { "KH", 1.0 }, { "MM", 1.0 }, { "LA", 1.0 }, { "FR", 1.0 }, { "DE", 1.0 },
			{ "NL", 1.0 }, { "IT", 1.0 }, { "ES", 1.0 }, { "IE", 0.5 }, { "AR", 0.5 }, { "BR", 0.5 }, { "FJ", 0.5 },
			{ "AE", 0.5 }, { "RU", 0.5 }, { "ZA", 0.5 } };

	static final String[] CASE_STATUSES = { "OPEN", "NEGOTIATING", "JOINT_INVESTIGATION", "CLOSED" };

	static final String[] PARTICIPANT_ROLES = { "PRINCIPAL", "ACCOMPLICE", "RELATIVE", "WITNESS" };

	static final String[] CHANNELS = { "MONEY_LAUNDERING", "UNDERGROUND_BANK", "BANK_TRANSFER", "CASH", "OTHER" };

	static final String[] PRECISIONS = { "DAY", "MONTH", "YEAR" };

	static final byte[][] SURNAME_NATIVE = encodeColumn(SURNAMES, 0);

	static final byte[][] SURNAME_LATIN = encodeColumn(SURNAMES, 1);

	static final byte[][] GIVEN_MALE_NATIVE = encodeColumn(GIVEN_MALE, 0);

	static final byte[][] GIVEN_MALE_LATIN = encodeColumn(GIVEN_MALE, 1);

	static final byte[][] GIVEN_MALE_LATIN_CAPITAL = capitalised(GIVEN_MALE);

	static final byte[][] GIVEN_FEMALE_NATIVE = encodeColumn(GIVEN_FEMALE, 0);

	static final byte[][] GIVEN_FEMALE_LATIN = encodeColumn(GIVEN_FEMALE, 1);

	static final byte[][] GIVEN_FEMALE_LATIN_CAPITAL = capitalised(GIVEN_FEMALE);

	/**
	 * Each name character romanised as the application romanises a name ({@link NameRomaniser}),
	 * once per load: a synthetic name's romanised spelling is its characters' spellings, spaced
	 * (what ICU makes of the whole name; a test holds this for every surname and given-name
	 * character here).
	 */
	static final String[] SURNAME_ROMANISED = romanised(SURNAMES);

	static final String[] GIVEN_MALE_ROMANISED = romanised(GIVEN_MALE);

	static final String[] GIVEN_FEMALE_ROMANISED = romanised(GIVEN_FEMALE);

	static final byte[][] PROVINCE = encodeColumn(PLACES, 0);

	static final byte[][] CITY = encodeColumn(PLACES, 1);

	static final byte[][] POSITION = encode(POSITIONS);

	static final byte[][] COUNTRY_CODE = encodeColumn(DESTINATIONS, 0);

	static final byte[] NAME_MARK_BYTES = NAME_MARK.getBytes(StandardCharsets.UTF_8);

	/** Cumulative weights for sampling: surnames by rank, destinations by their weight. */
	static final double[] SURNAME_CUMULATIVE = cumulative(rankWeights(SURNAMES.length));

	static final double[] DESTINATION_CUMULATIVE = cumulative(columnWeights(DESTINATIONS));

	private Vocabulary() {
	}

	static int countryIndex(String code) {
		for (int i = 0; i < DESTINATIONS.length; i++) {
			if (DESTINATIONS[i][0].equals(code)) {
				return i;
			}
		}
		throw new IllegalArgumentException(code);
	}

	private static double[] rankWeights(int n) {
		double[] weights = new double[n];
		for (int i = 0; i < n; i++) {
			weights[i] = 1.0 / (i + 4);
		}
		return weights;
	}

	private static double[] columnWeights(Object[][] rows) {
		double[] weights = new double[rows.length];
		for (int i = 0; i < rows.length; i++) {
			weights[i] = (Double) rows[i][1];
		}
		return weights;
	}

	private static double[] cumulative(double[] weights) {
		double total = 0;
		for (double weight : weights) {
			total += weight;
		}
		double[] cumulative = new double[weights.length];
		double sum = 0;
		for (int i = 0; i < weights.length; i++) {
			sum += weights[i];
			cumulative[i] = sum / total;
		}
		cumulative[weights.length - 1] = 1.0;
		return cumulative;
	}

	private static byte[][] encodeColumn(Object[][] rows, int column) {
		byte[][] encoded = new byte[rows.length][];
		for (int i = 0; i < rows.length; i++) {
			Object value = rows[i][column];
			encoded[i] = (value != null) ? CopyStream.escape((String) value) : null;
		}
		return encoded;
	}

	private static byte[][] encode(String[] values) {
		byte[][] encoded = new byte[values.length][];
		for (int i = 0; i < values.length; i++) {
			encoded[i] = CopyStream.escape(values[i]);
		}
		return encoded;
	}

	private static String[] romanised(String[][] rows) {
		String[] romanised = new String[rows.length];
		for (int i = 0; i < rows.length; i++) {
			romanised[i] = NameRomaniser.romanise(rows[i][0]);
		}
		return romanised;
	}

	private static byte[][] capitalised(String[][] rows) {
		byte[][] encoded = new byte[rows.length][];
		for (int i = 0; i < rows.length; i++) {
			String latin = rows[i][1];
			encoded[i] = CopyStream.escape(Character.toUpperCase(latin.charAt(0)) + latin.substring(1));
		}
		return encoded;
	}

}
