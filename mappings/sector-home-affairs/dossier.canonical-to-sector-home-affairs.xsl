<?xml version="1.0" encoding="UTF-8"?>
<!-- Canonical dossier -> NhanHoSo request payload of the Home Affairs system (SOAP 1.1, PAYLOAD mode; an interface we
     defined, not a published one). The canonical JSON arrives as parameter dossierJson (header set by route
     dossier-delivery-to-sector-home-affairs), the event id as eventId (its MaGiaoDich); the input document is ignored. -->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:nv="urn:lgsp:sector:home-affairs:receive:v1"
                exclude-result-prefixes="#all">

  <xsl:output method="xml" encoding="UTF-8" indent="no" omit-xml-declaration="yes"/>

  <xsl:param name="dossierJson" as="xs:string"/>
  <xsl:param name="eventId" as="xs:string" select="''"/>

  <xsl:template match="/">
    <xsl:variable name="d" select="parse-json($dossierJson)"/>
    <nv:NhanHoSo>
      <nv:SoHoSo><xsl:value-of select="$d?dossierCode"/></nv:SoHoSo>
      <nv:MaGiaoDich><xsl:value-of select="$eventId"/></nv:MaGiaoDich>
      <nv:ThuTuc ma="{$d?procedureCode}"><xsl:value-of select="$d?procedureName"/></nv:ThuTuc>
      <nv:CoQuanGiaiQuyet><xsl:value-of select="$d?agencyCode"/></nv:CoQuanGiaiQuyet>
      <nv:NgayNhan><xsl:value-of select="$d?receivedAt"/></nv:NgayNhan>
      <xsl:if test="exists($d?dueAt)"><nv:HanGiaiQuyet><xsl:value-of select="$d?dueAt"/></nv:HanGiaiQuyet></xsl:if>
      <nv:NguoiDeNghi>
        <nv:SoGiayTo><xsl:value-of select="($d?applicant?personalId, $d?applicant?enterpriseCode)[1]"/></nv:SoGiayTo>
        <nv:HoTen><xsl:value-of select="$d?applicant?fullName"/></nv:HoTen>
        <xsl:if test="exists($d?applicant?address)"><nv:DiaChi><xsl:value-of select="$d?applicant?address"/></nv:DiaChi></xsl:if>
      </nv:NguoiDeNghi>
      <nv:TrichYeu><xsl:value-of select="$d?summary"/></nv:TrichYeu>
      <xsl:for-each select="$d?documents?*">
        <nv:TaiLieu ma="{?code}">
          <nv:Ten><xsl:value-of select="?name"/></nv:Ten>
          <xsl:if test="exists(?url)"><nv:DuongDan><xsl:value-of select="?url"/></nv:DuongDan></xsl:if>
        </nv:TaiLieu>
      </xsl:for-each>
    </nv:NhanHoSo>
  </xsl:template>
</xsl:stylesheet>
