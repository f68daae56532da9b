-- What a status change says besides its status, for DVCQG's progress (ChucDanh, PhongBanXuLy) and dossier (MaKetQua).
ALTER TABLE dossier_status_change ADD COLUMN officer_title VARCHAR(200);
ALTER TABLE dossier_status_change ADD COLUMN department VARCHAR(200);
ALTER TABLE dossier_status_change ADD COLUMN result_code VARCHAR(128);
