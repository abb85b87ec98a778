package cn.wucheng.cq;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** 执法办案提质增效管理系统 — the bureau's case-quality programme (积分制, reviews, rankings). */
@SpringBootApplication
public class CqApplication {

	public static void main(String[] args) {
		SpringApplication.run(CqApplication.class, args);
	}

}
