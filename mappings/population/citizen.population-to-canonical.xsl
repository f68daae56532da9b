<?xml version="1.0" encoding="UTF-8"?>
<!-- TraCuuThongTinCongDanResponse -> the hub's canonical Citizen (JSON), or {"found": false} when the
     collection is empty. Name parts Ho + ChuDem + Ten joined by single spaces (NFC kept as received);
     NgayThangNam yyyyMMdd -> birthDate yyyy-MM-dd, a bare Nam -> birthYear; GioiTinh 1/2 -> MALE/FEMALE, else
     UNKNOWN; each address -> its ChiTiet text (codes kept beside it). Absent or empty fields are left out. -->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:map="http://www.w3.org/2005/xpath-functions/map"
                xmlns:f="urn:lgsp-hub:mapping-functions"
                xmlns:dc="http://dancuquocgia.bca"
                exclude-result-prefixes="#all">

  <xsl:output method="json" encoding="UTF-8" indent="no"/>

  <xsl:function name="f:text" as="map(*)">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="node" as="element()?"/>
    <xsl:sequence select="if (normalize-space($node) != '') then map{$key: normalize-space($node)} else map{}"/>
  </xsl:function>

  <xsl:function name="f:name" as="xs:string">
    <xsl:param name="n" as="element()?"/>
    <xsl:sequence select="string-join(($n/dc:Ho, $n/dc:ChuDem, $n/dc:Ten)[normalize-space(.) != ''] ! normalize-space(.), ' ')"/>
  </xsl:function>

  <xsl:function name="f:address" as="map(*)">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="a" as="element()?"/>
    <xsl:sequence select="if (exists($a)) then map{$key: map:merge((
        f:text('provinceCode', $a/dc:MaTinhThanh),
        f:text('districtCode', $a/dc:MaQuanHuyen),
        f:text('wardCode', $a/dc:MaPhuongXa),
        f:text('detail', $a/dc:ChiTiet),
        f:text('country', $a/dc:QuocGia)))} else map{}"/>
  </xsl:function>

  <xsl:template match="/">
    <xsl:variable name="c" select="(//dc:CongdanCollection/dc:CongDan)[1]"/>
    <xsl:choose>
      <xsl:when test="empty($c)">
        <xsl:sequence select="map{'found': false()}"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$c"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="dc:CongDan">
    <xsl:variable name="birth" select="dc:NgayThangNamSinh"/>
    <xsl:variable name="gender" as="xs:integer"
        select="if (dc:GioiTinh castable as xs:integer and xs:integer(dc:GioiTinh) = (1, 2)) then xs:integer(dc:GioiTinh) else 0"/>
    <xsl:sequence select="map:merge((
        map{'found': true()},
        f:text('personalId', dc:SoDinhDanh),
        f:text('legacyId', dc:SoCMND),
        map{'fullName': f:name(dc:HoVaTen)},
        map{'gender': ('UNKNOWN', 'MALE', 'FEMALE')[$gender + 1]},
        if (normalize-space($birth/dc:NgayThangNam) != '') then map{'birthDate':
            let $v := normalize-space($birth/dc:NgayThangNam)
            return concat(substring($v, 1, 4), '-', substring($v, 5, 2), '-', substring($v, 7, 2))} else map{},
        if (normalize-space($birth/dc:Nam) != '') then map{'birthYear': xs:integer($birth/dc:Nam)} else map{},
        f:text('ethnicity', dc:DanToc),
        f:text('nationality', dc:QuocTich),
        f:address('birthPlace', dc:NoiDangKyKhaiSinh),
        f:address('hometown', dc:QueQuan),
        f:address('permanentAddress', dc:ThuongTru),
        f:address('currentAddress', dc:NoiOHienTai)
      ))"/>
  </xsl:template>
</xsl:stylesheet>
