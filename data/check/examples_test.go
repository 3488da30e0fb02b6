package check

import "nianbao/data/report"

// busyReport builds assets/examples/fictional-busy-2024.nianbao.json in Go:
// the check tests must not depend on the file reader, which is tested on its own.
// TestExampleLiterals holds these literals to the embedded file.
func busyReport() *report.Report {
	r := report.New("示例市人民政府", 2024)
	r.AgencyType = report.AgencyGovernment
	r.Preamble = "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。本报告为虚构示例，所列机关、数字和事项均为演示用途，不代表任何真实机关。报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。"
	r.Overview = []report.Section{
		{Heading: "", Body: "2024年，示例市人民政府坚持以公开为常态、不公开为例外，围绕重点领域信息公开、政策解读回应和平台规范建设，持续提升政务公开质量。"},
		{Heading: "（一）主动公开", Body: "全年通过政府门户网站主动公开政府信息12,486条，其中政策文件316件、政策解读208篇；召开新闻发布会47场，回应社会关切事项153件。\n\n围绕**重点领域**，逐月公开财政预决算、重大建设项目、公共资源配置、社会救助等信息，确保“应公开、尽公开”。"},
		{Heading: "（二）依申请公开", Body: "全年新收政府信息公开申请3017件，上年结转34件，办结2955件，结转下年度继续办理96件。对申请人提出的“数据口径”“办理时限”等疑问，逐一电话沟通说明。"},
		{Heading: "（三）政府信息管理", Body: "开展行政规范性文件清理，废止12件、修改9件，现行有效行政规范性文件共计185件。严格落实公开属性源头认定和发布前保密审查。"},
		{Heading: "（四）政府信息公开平台建设", Body: "完成政府门户网站集约化改造，新增“图解政策”栏目；政务新媒体账号由23个整合为9个。"},
		{Heading: "（五）监督保障", Body: "将政务公开纳入全市绩效考核，开展社会评议2次，组织专题培训5次、培训人员640人次；全年未发生因政务公开工作引起的责任追究情况。"},
	}
	r.Proactive = report.Proactive{
		Rules:              report.DocCounts{Issued: 2, Repealed: 1, InForce: 38},
		NormativeDocuments: report.DocCounts{Issued: 24, Repealed: 12, InForce: 185},
		Licensing:          48231,
		Penalty:            9127,
		Coercion:           312,
		Fees:               "12873.504216",
	}
	r.Applications = report.Applications{
		{2871, 64, 3, 12, 58, 9, 3017}, // new
		{31, 2, 0, 0, 1, 0, 34},        // carried_over
		{813, 41, 3, 10, 23, 9, 899},   // granted
		{373, 11, 0, 0, 1, 0, 385},     // partly_granted
		{12, 0, 0, 0, 0, 0, 12},        // denied_state_secret
		{37, 0, 0, 0, 0, 0, 37},        // denied_prohibited_by_law
		{17, 0, 0, 0, 1, 0, 18},        // denied_safety_stability
		{61, 0, 0, 0, 0, 0, 61},        // denied_third_party
		{11, 0, 0, 0, 0, 0, 11},        // denied_internal_affairs
		{10, 0, 0, 0, 0, 0, 10},        // denied_process_information
		{104, 0, 0, 0, 0, 0, 104},      // denied_enforcement_files
		{42, 1, 0, 0, 1, 0, 44},        // denied_query_matters
		{17, 0, 0, 0, 0, 0, 17},        // unable_not_held
		{31, 0, 0, 0, 0, 0, 31},        // unable_needs_creation
		{823, 7, 0, 1, 11, 0, 842},     // unable_unclear
		{79, 1, 0, 0, 6, 0, 86},        // rejected_petition
		{90, 1, 0, 0, 3, 0, 94},        // rejected_duplicate
		{110, 1, 0, 0, 4, 0, 115},      // rejected_publication
		{62, 0, 0, 0, 2, 0, 64},        // rejected_excessive
		{42, 0, 0, 0, 0, 0, 42},        // rejected_confirmation
		{8, 0, 0, 0, 1, 0, 9},          // other_no_correction
		{32, 0, 0, 0, 1, 0, 33},        // other_no_fee
		{40, 0, 0, 0, 1, 0, 41},        // other_other
		{2814, 63, 3, 11, 55, 9, 2955}, // total
		{88, 3, 0, 1, 4, 0, 96},        // carried_forward
	}
	r.ReviewLitigation = report.ReviewLitigation{
		{14, 3, 2, 1, 20}, // review
		{6, 1, 1, 2, 10},  // litigation_direct
		{3, 0, 1, 1, 5},   // litigation_after_review
	}
	r.Problems = []report.Section{
		{Heading: "（一）存在的主要问题", Body: "一是部分单位政策解读形式单一，图解、视频等解读占比不高；二是依申请公开答复文书的说理性有待加强；三是基层政务公开专区作用发挥不够充分。"},
		{Heading: "（二）改进情况", Body: "针对上年度报告提出的问题，已完成答复文书模板修订并组织逐件评查。下一步，将加强解读材料与政策文件同步起草、同步审签、同步发布，提升基层专区服务能力。"},
	}
	r.OtherMatters = []report.Section{
		{Heading: "（一）信息处理费收取情况", Body: "2024年，本机关未收取信息处理费。"},
		{Heading: "（二）人大代表建议和政协提案办理结果公开情况", Body: "全年办理人大代表建议186件、政协提案214件，办理结果全部公开。"},
	}
	r.Closing = "如对本报告有任何疑问，请与示例市人民政府办公室联系（地址：示例市人民路1号；邮编：000000；电话：0000—1234567）。"
	return r
}

// busyPrevious is a 2023 report of the same agency that agrees with busyReport:
// its carried-forward row is 2024's carried-over row, and its documents in force
// plus 2024's issued minus repealed give 2024's.
func busyPrevious() *report.Report {
	p := report.New("示例市人民政府", 2023)
	p.AgencyType = report.AgencyGovernment
	p.Proactive.Rules = report.DocCounts{Issued: 3, Repealed: 0, InForce: 37}
	p.Proactive.NormativeDocuments = report.DocCounts{Issued: 30, Repealed: 5, InForce: 173}
	p.Applications[report.RowNew] = report.AppRow{2000, 40, 0, 0, 0, 0, 2040}
	p.Applications[report.RowGranted] = report.AppRow{1969, 38, 0, 0, 0, 0, 2007}
	p.Applications[report.RowCarriedForward] = report.AppRow{31, 2, 0, 0, 1, 0, 34}
	p.Applications[report.RowNew][report.ColLegalService] = 1
	p.Applications[report.RowNew][report.ColTotal] = 2041
	p.Applications[report.RowTotal] = p.Applications[report.RowGranted]
	return p
}

// zhongweiReport builds assets/examples/zhongwei-minzhengju-2023.nianbao.json
// in Go: every figure of parts 三 and 四 is 0; the text keeps the sentences the
// checks read (part 一 says no application, review or lawsuit happened).
func zhongweiReport() *report.Report {
	r := report.New("中卫市民政局", 2023)
	r.AgencyType = report.AgencyDepartment
	r.Overview = []report.Section{
		{Heading: "", Body: "2023 年，市民政局政务公开工作，坚持以习近平新时代中国特色社会主义思想为指导，认真学习贯彻党的二十大精神，扎实推进政府信息公开工作取得实效。"},
		{Heading: "（一）主动公开政府信息情况。", Body: "2023 年，通过市人民政府网站公开政府信息 140 条，中卫市民政局微博发布信息 146 条。"},
		{Heading: "（二）依申请公开政府信息办理情况。", Body: "2023年，我局未收到任何形式的政府信息公开申请，未发生因政府信息公开引起的行政复议及行政诉讼。"},
		{Heading: "（三）政府信息管理情况。", Body: "经局党组研究决定，保留现行有效规范性文件1件，并向司法局备案。"},
		{Heading: "（四）平台建设情况。", Body: "完善政务公开平台建设，健全政务新媒体监管机制。"},
		{Heading: "（五）监督保障。", Body: "我局主动接受社会评议，并针对指出的问题逐项核查、整改落实，2023 年未出现因政府信息公开问题开展责任追究。"},
	}
	r.Proactive = report.Proactive{
		NormativeDocuments: report.DocCounts{InForce: 1},
		Licensing:          7,
		Penalty:            21,
		Fees:               "0",
	}
	r.Problems = []report.Section{
		{Heading: "（一）存在问题及不足", Body: "一是主动公开的信息数量还不够多。二是主动公开的意识有待进一步加强，业务能力仍需提高。三是图文解读过于简单，多以条目式的内容展现。"},
		{Heading: "（二）下一步改进措施", Body: "一是强化政府信息公开内部审查、发布、更新、维护等，确保信息发布及时准确。"},
	}
	r.OtherMatters = []report.Section{
		{Heading: "（一）政务公开工作要点落实情况", Body: "2023年，我局认真贯彻落实《中卫市2023年政务公开工作要点》精神及相关要求。"},
		{Heading: "（二）信息处理费情况", Body: "2023年，我单位未发生收取信息处理费情况。"},
	}
	return r
}
