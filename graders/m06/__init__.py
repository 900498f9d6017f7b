"""Module 06 — An toàn thông tin: mật khẩu, xác thực hai lớp, nhận diện lừa đảo."""
