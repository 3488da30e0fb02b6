module cn.nianbao/quietstart

go 1.21
