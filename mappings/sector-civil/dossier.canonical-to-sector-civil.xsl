<?xml version="1.0" encoding="UTF-8"?>
<!-- Canonical dossier -> NhanHoSo request payload of the civil-status system (SOAP 1.1, PAYLOAD mode).
     The canonical JSON arrives as parameter dossierJson (header set by route dossier-delivery-to-sector-civil);
     the input document is ignored. Dates stay ISO 8601 as the civil-status system accepts them. -->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:ht="urn:lgsp:sector:civil:receive:v1"
                exclude-result-prefixes="#all">

  <xsl:output method="xml" encoding="UTF-8" indent="no" omit-xml-declaration="yes"/>

  <xsl:param name="dossierJson" as="xs:string"/>

  <xsl:template match="/">
    <xsl:variable name="d" select="parse-json($dossierJson)"/>
    <ht:NhanHoSo>
      <ht:MaHoSo><xsl:value-of select="$d?dossierCode"/></ht:MaHoSo>
      <ht:MaTTHC><xsl:value-of select="$d?procedureCode"/></ht:MaTTHC>
      <ht:TenTTHC><xsl:value-of select="$d?procedureName"/></ht:TenTTHC>
      <ht:MaCoQuan><xsl:value-of select="$d?agencyCode"/></ht:MaCoQuan>
      <ht:NgayTiepNhan><xsl:value-of select="$d?receivedAt"/></ht:NgayTiepNhan>
      <xsl:if test="exists($d?dueAt)"><ht:NgayHenTra><xsl:value-of select="$d?dueAt"/></ht:NgayHenTra></xsl:if>
      <ht:NguoiYeuCau>
        <ht:SoDinhDanh><xsl:value-of select="$d?applicant?personalId"/></ht:SoDinhDanh>
        <ht:HoTen><xsl:value-of select="$d?applicant?fullName"/></ht:HoTen>
        <xsl:if test="exists($d?applicant?birthDate)"><ht:NgaySinh><xsl:value-of select="$d?applicant?birthDate"/></ht:NgaySinh></xsl:if>
        <xsl:if test="exists($d?applicant?address)"><ht:NoiCuTru><xsl:value-of select="$d?applicant?address"/></ht:NoiCuTru></xsl:if>
      </ht:NguoiYeuCau>
      <ht:NoiDung><xsl:value-of select="$d?summary"/></ht:NoiDung>
      <xsl:for-each select="$d?documents?*">
        <ht:GiayTo>
          <ht:Ma><xsl:value-of select="?code"/></ht:Ma>
          <ht:Ten><xsl:value-of select="?name"/></ht:Ten>
          <xsl:if test="exists(?url)"><ht:DuongDan><xsl:value-of select="?url"/></ht:DuongDan></xsl:if>
        </ht:GiayTo>
      </xsl:for-each>
    </ht:NhanHoSo>
  </xsl:template>
</xsl:stylesheet>
