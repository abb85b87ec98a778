/** Value objects shared by every module: Points, Period. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.wucheng.cq.shared;
