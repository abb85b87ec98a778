/** Value objects and helpers shared by every module: Points, Period, NotFoundException, Masking. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.wucheng.cq.shared;
