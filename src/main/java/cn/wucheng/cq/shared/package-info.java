/** Value objects and exceptions shared by every module: Points, Period, NotFoundException. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.wucheng.cq.shared;
